"""``manage.py seed_demo``: fill the demo salon with generated data and create the demo users.

Idempotent: data is generated only when there is none (``--reset`` starts
over); the users ``staff``/``staff`` and ``client``/``client`` are (re)created
with those passwords every time.
"""

from __future__ import annotations

from typing import Any

from clients.models import Client
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from booking import demo_data
from booking.models import Master

BASE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Generate the demo salon's data (deterministic) and the demo users staff/staff and client/client."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo data and generate it again."
        )
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default: 2026).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["reset"]:
            demo_data.clear()
        if Master.objects.exists():
            self.stdout.write("Demo data already present (use --reset to generate it again).")
        else:
            seeded = demo_data.generate(seed=options["seed"])
            self.stdout.write(
                f"Generated {seeded.masters} masters, {seeded.services} services, "
                f"{seeded.clients} clients, {seeded.appointments} appointments."
            )
        self._users()
        self.stdout.write(
            self.style.SUCCESS("Demo users:")
            + f"\n  staff  / staff   staff space   {BASE_URL}/cabinet/"
            + f"\n  client / client  client space  {BASE_URL}/cabinet/my/"
            + f"\nSign in at {BASE_URL}/login/  (storybook: {BASE_URL}/storybook/)"
        )

    def _users(self) -> None:
        users = get_user_model()
        staff, _ = users.objects.get_or_create(username="staff", defaults={"email": "staff@example.com"})
        staff.is_staff = staff.is_superuser = staff.is_active = True
        staff.set_password("staff")
        staff.save()

        client_user, _ = users.objects.get_or_create(
            username="client", defaults={"email": "client@example.com"}
        )
        client_user.is_staff = client_user.is_superuser = False
        client_user.is_active = True
        client_user.set_password("client")
        client_user.save()
        # Link the client user to the first client card (the one with the lowest id).
        if not Client.objects.filter(user=client_user).exists():
            card = Client.objects.order_by("pk").first()
            if card is not None:
                card.user = client_user
                card.save(update_fields=["user"])
