"""Standing personas and shared set-up.

Personas (healthchecks style): ``reporter`` (staff), ``panel_member``,
``other_panel_member`` (a panel of another organisation), ``leader``,
``confidential_contact``, ``administrator``, and ``outsider`` (staff of another
organisation).
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from django.test import Client

from reporting.choices import Role
from reporting.models import Organisation, Panel, User
from tests.factories import PASSWORD, OrganisationFactory, PanelFactory, UserFactory

IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(autouse=True)
def _isolated_settings(settings: pytest.FixtureRequest, tmp_path: object) -> None:
    # Publishing after commit goes to an in-memory broker unless a test asks
    # for the real one (see tests/broker.py); emails go to the outbox.
    settings.CELERY_BROKER_URL = "memory://"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # The test client speaks plain HTTP; production redirects it to HTTPS.
    settings.SECURE_SSL_REDIRECT = False
    # Persona passwords need no slow hash: the default costs about a second per user and login.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from config.celery import app

    app.conf.broker_url = "memory://"


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory(slug="northshire", name="Northshire Children's Services")


@pytest.fixture
def other_organisation(db: None) -> Organisation:
    return OrganisationFactory(slug="southmoor", name="Southmoor Children's Services")


@pytest.fixture
def reporter(organisation: Organisation) -> User:
    return UserFactory(username="reporter", organisation=organisation)


@pytest.fixture
def panel(organisation: Organisation) -> Panel:
    return PanelFactory(slug="northshire-panel", name="Northshire Review Panel", organisation=organisation)


@pytest.fixture
def panel_member(organisation: Organisation, panel: Panel) -> User:
    user = UserFactory(username="panel", organisation=organisation)
    panel.members.add(user)
    return user


@pytest.fixture
def other_panel_member(other_organisation: Organisation) -> User:
    user = UserFactory(username="other-panel", organisation=other_organisation)
    PanelFactory(slug="southmoor-panel", organisation=other_organisation).members.add(user)
    return user


@pytest.fixture
def leader(organisation: Organisation) -> User:
    return UserFactory(username="leader", organisation=organisation, roles=[Role.LEADER])


@pytest.fixture
def confidential_contact(organisation: Organisation) -> User:
    return UserFactory(username="contact", organisation=organisation, roles=[Role.CONFIDENTIAL_CONTACT])


@pytest.fixture
def administrator(organisation: Organisation) -> User:
    return UserFactory(username="admin", organisation=organisation, roles=[Role.ADMINISTRATOR], is_staff=True)


@pytest.fixture
def outsider(other_organisation: Organisation) -> User:
    return UserFactory(username="outsider", organisation=other_organisation)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def login() -> Callable[[User | None], Client]:
    """``login(user)`` gives a Client signed in as that user (None: anonymous)."""
    return client_for
