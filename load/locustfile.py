"""The users of a load run: staff on the dashboard and the collection pages, clients on theirs.

``run_load.py`` starts locust headless with this file against the demo under
gunicorn. Each simulated user signs in once (``staff``/``staff`` or
``client``/``client``, through the login form with its CSRF token), then
requests pages with a short pause between them. Requests are named by
endpoint, so the statistics come per page kind:

* staff: the dashboard and its lazy widget, the server-side data table (a
  whole page, and the HTMX partial its search box, sort headers and pager
  request, with a random search, status filter, sort and page), the card grid
  and the list view;
* client: the client home, "my appointments", "my profile".

An answer counts as an error unless it is a 200 with the worker's pid header
(a redirect to the login page, a 403 or a 500 all fail), so the run's error
count is what a user would have seen go wrong.
"""

from __future__ import annotations

import random
import re
from typing import Any
from urllib.parse import urlencode

from locust import FastHttpUser, between, task

WORKER_HEADER = "X-Load-Worker"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LAZY_WIDGET = re.compile(r'"(/cabinet/dashboard/widgets/[\w-]+/)"')

SEARCHES = ["", "", "Roberts", "Анна", "haircut", "Isla", "Смирнова", "Colour", "Emily", "zzz-no-match"]
STATUSES = ["", "", "pending", "confirmed", "completed", "cancelled", "no_show"]
SORTS = ["", "date", "-date", "client", "-client", "master", "-price", "price"]


def table_url() -> str:
    """The appointments table in a random state: search, status filter, sort, page (1-13)."""
    params = {
        "q": random.choice(SEARCHES),
        "status": random.choice(STATUSES),
        "sort": random.choice(SORTS),
        "page": str(random.randint(1, 13)),
    }
    query = urlencode({name: value for name, value in params.items() if value})
    return f"/cabinet/booking/table/?{query}" if query else "/cabinet/booking/table/"


class CabinetUser(FastHttpUser):
    """A signed-in user; subclasses name the account and the pages."""

    abstract = True
    wait_time = between(0.05, 0.3)
    username = ""

    def on_start(self) -> None:
        with self.client.get("/login/", name="login form", catch_response=True) as form:
            found = CSRF_INPUT.search(form.text or "")
            if form.status_code != 200 or not found:
                form.failure(f"login form: status {form.status_code}, CSRF token found: {bool(found)}")
                return
        data = {"username": self.username, "password": self.username, "csrfmiddlewaretoken": found[1]}
        with self.client.post(
            "/login/", data=data, name="login", allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"sign-in as {self.username} answered {answer.status_code}, not 302")

    def page(self, url: str, name: str, **kwargs: Any) -> str:
        """GET ``url`` as endpoint ``name``; anything but a 200 from a worker is an error."""
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True, **kwargs) as answer:
            if answer.status_code != 200:
                where = answer.headers.get("Location", "") if answer.headers else ""
                answer.failure(f"status {answer.status_code} {where}".strip())
            elif not answer.headers.get(WORKER_HEADER):
                answer.failure(f"no {WORKER_HEADER} header: not answered by a demo worker")
            return answer.text or ""


class StaffUser(CabinetUser):
    """The staff space: dashboard, the server-side table, cards and the visits list."""

    weight = 3
    username = "staff"
    lazy_widget = ""

    @task(3)
    def dashboard(self) -> None:
        html = self.page("/cabinet/", "staff: dashboard")
        found = LAZY_WIDGET.search(html)
        if found:
            StaffUser.lazy_widget = found[1]

    @task(2)
    def dashboard_lazy_widget(self) -> None:
        if StaffUser.lazy_widget:
            self.page(StaffUser.lazy_widget, "staff: dashboard lazy widget", headers={"HX-Request": "true"})

    @task(3)
    def table_page(self) -> None:
        self.page(table_url(), "staff: table page")

    @task(6)
    def table_htmx(self) -> None:
        self.page(
            table_url(),
            "staff: table search/sort/page (htmx)",
            headers={"HX-Request": "true"},
        )

    @task(2)
    def card_grid(self) -> None:
        self.page("/cabinet/clients/cards/", "staff: card grid")

    @task(2)
    def list_view(self) -> None:
        self.page("/cabinet/clients/visits/", "staff: list view")


class ClientUser(CabinetUser):
    """The client space: home, my appointments, my profile."""

    weight = 1
    username = "client"

    @task(2)
    def home(self) -> None:
        self.page("/cabinet/my/", "client: home")

    @task(2)
    def appointments(self) -> None:
        self.page("/cabinet/my/booking/", "client: my appointments")

    @task(1)
    def profile(self) -> None:
        self.page("/cabinet/my/clients/", "client: my profile")
