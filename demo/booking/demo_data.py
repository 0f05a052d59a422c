"""Deterministic demo data for the salon: masters, services, clients, appointments.

Everything comes from one seeded :class:`random.Random`, so the same seed on
the same day gives the same data; dates are relative to today so the schedule
is always current (this week and the next two).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from clients.models import Client
from django.db import transaction
from django.utils import timezone

from .models import Appointment, Master, Service

MASTERS = [
    ("Анна Смирнова", "Hair stylist", "primary"),
    ("Emily Carter", "Hair colourist", "info"),
    ("Ольга Кузнецова", "Nail technician", "success"),
    ("Sophie Bennett", "Cosmetologist", "warning"),
    ("Дмитрий Волков", "Massage therapist", "danger"),
    ("Мария Иванова", "Brow and lash artist", "secondary"),
]

# (category, name, minutes, price in roubles)
SERVICES = [
    ("Hair", "Women's haircut", 60, 2500),
    ("Hair", "Men's haircut", 45, 1500),
    ("Hair", "Colouring", 120, 6000),
    ("Hair", "Blow-dry and styling", 45, 1800),
    ("Nails", "Manicure", 60, 1800),
    ("Nails", "Gel polish", 90, 2500),
    ("Nails", "Pedicure", 75, 2800),
    ("Nails", "Nail art", 30, 800),
    ("Face", "Facial cleansing", 60, 3500),
    ("Face", "Chemical peel", 45, 3000),
    ("Face", "Brow shaping", 30, 1200),
    ("Face", "Lash lift", 60, 2800),
    ("Massage", "Classic massage", 60, 3500),
    ("Massage", "Back massage", 30, 2000),
    ("Massage", "Relax massage", 90, 5000),
]

# Which service categories each master (by index in MASTERS) performs.
MASTER_CATEGORIES = [{"Hair"}, {"Hair"}, {"Nails"}, {"Face"}, {"Massage"}, {"Face", "Nails"}]

# Russian surnames agree with the first name's gender: one list per gender.
RU_WOMEN = (
    ["Елена", "Ирина", "Наталья", "Татьяна", "Юлия", "Светлана", "Ксения"],
    ["Соколова", "Морозова", "Лебедева", "Козлова", "Попова", "Фёдорова"],
)
RU_MEN = (
    ["Алексей", "Сергей", "Павел", "Иван", "Михаил"],
    ["Петров", "Новиков", "Орлов", "Соколов", "Морозов"],
)
EN_FIRST = ["Olivia", "James", "Amelia", "Jack", "Isla", "Harry", "Grace", "Thomas", "Chloe", "Lucy"]
EN_LAST = ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Roberts", "Wright"]
LATIN = str.maketrans("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "abvgdeezziiklmnoprstufhccss_y_eua")

OPENING, CLOSING = 9, 20  # the salon's hours
SLOT = 30  # appointments start on the half hour
DAYS = 21  # this week (from Monday) and the next two
APPOINTMENT_ATTEMPTS = 420  # some land on a busy master and are dropped: ~300 remain


@dataclass(frozen=True)
class Seeded:
    masters: int
    services: int
    clients: int
    appointments: int


def _phone(rng: random.Random) -> str:
    operator, block, pair, last = (
        rng.randint(10, 99),
        rng.randint(100, 999),
        rng.randint(10, 99),
        rng.randint(10, 99),
    )
    return f"+7 9{operator} {block}-{pair}-{last}"


def _client_rows(rng: random.Random, count: int) -> list[Client]:
    rows = []
    for number in range(count):
        firsts, lasts = (RU_WOMEN, RU_MEN, (EN_FIRST, EN_LAST), (EN_FIRST, EN_LAST))[number % 4]
        first, last = rng.choice(firsts), rng.choice(lasts)
        handle = f"{first}.{last}".lower().translate(LATIN)
        rows.append(
            Client(
                name=f"{first} {last}",
                phone=_phone(rng),
                email=f"{handle}{number}@example.com",
                notes=rng.choice(["", "", "", "Prefers mornings", "Allergic to latex", "Regular client"]),
            )
        )
    return rows


def _status(rng: random.Random, start: datetime, now: datetime) -> str:
    statuses = Appointment.Status
    if start < now:
        return rng.choices([statuses.COMPLETED, statuses.NO_SHOW, statuses.CANCELLED], [85, 5, 10])[0]
    return rng.choices([statuses.CONFIRMED, statuses.PENDING, statuses.CANCELLED], [65, 28, 7])[0]


def _appointment_rows(
    rng: random.Random, masters: list[Master], services: list[Service], clients: list[Client], first_day: date
) -> list[Appointment]:
    now = timezone.now()
    busy: dict[int, list[tuple[datetime, datetime]]] = {master.pk: [] for master in masters}
    rows = []
    for _attempt in range(APPOINTMENT_ATTEMPTS):
        index = rng.randrange(len(masters))
        master = masters[index]
        service = rng.choice([s for s in services if s.category in MASTER_CATEGORIES[index]])
        day = first_day + timedelta(days=rng.randrange(DAYS))
        last_slot = (CLOSING - OPENING) * 60 - service.duration
        minutes = OPENING * 60 + SLOT * rng.randint(0, last_slot // SLOT)
        start = timezone.make_aware(datetime.combine(day, time(minutes // 60, minutes % 60)))
        end = start + timedelta(minutes=service.duration)
        if any(start < taken_end and taken_start < end for taken_start, taken_end in busy[master.pk]):
            continue
        busy[master.pk].append((start, end))
        rows.append(
            Appointment(
                client=rng.choice(clients),
                master=master,
                service=service,
                start_at=start,
                duration=service.duration,
                status=_status(rng, start, now),
                price=service.price,
                notes=rng.choice(["", "", "", "", "First visit", "Asked for a reminder call"]),
            )
        )
    return rows


def clear() -> None:
    """Delete all demo salon data (users stay)."""
    Appointment.objects.all().delete()
    Service.objects.all().delete()
    Master.objects.all().delete()
    Client.objects.all().delete()


@transaction.atomic
def generate(seed: int = 2026, clients: int = 60) -> Seeded:
    """Create masters, services, clients and appointments; expects empty tables."""
    rng = random.Random(seed)
    masters = Master.objects.bulk_create(
        Master(name=name, specialty=specialty, colour=colour) for name, specialty, colour in MASTERS
    )
    services = Service.objects.bulk_create(
        Service(category=category, name=name, duration=minutes, price=Decimal(price))
        for category, name, minutes, price in SERVICES
    )
    client_rows = Client.objects.bulk_create(_client_rows(rng, clients))
    today = timezone.localdate()
    first_day = today - timedelta(days=today.weekday())
    appointments = Appointment.objects.bulk_create(
        _appointment_rows(rng, masters, services, client_rows, first_day)
    )
    return Seeded(len(masters), len(services), len(client_rows), len(appointments))
