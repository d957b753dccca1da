from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"

    def ready(self) -> None:
        # drf-spectacular finds extensions by their import.
        from api import schema  # noqa: F401
