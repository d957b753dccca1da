"""Django admin for administrators: scoped to their own organisation, and audited.

A superuser sees everything. A member of staff who holds the administrator
role sees and changes only their own organisation's rows; anybody else sees
nothing, whatever Django model permissions they hold, because our scoping
rules are the permissions here. Every change made through the admin writes an
``AuditEvent`` (Django's ``LogEntry`` is kept too, but it is not our audit), and
so does every read of a report: its page (``admin.viewed``) and each page of the
list of reports (``admin.listed``, one event a page naming the reports shown),
as every other read of a sensitive record is audited (see
``reporting.identity``).

``ReporterIdentity`` is deliberately not registered and no admin shows it
inline: only ``reporting.identity.read_reporter_identity`` reads it, and only
for the confidential contact. Reports are read-only here: they hold
de-identified text only, and every change to a report goes through a service.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse

from reporting.choices import Role
from reporting.models import AuditEvent, Organisation, Panel, Partnership, Report, RoleGrant, Theme, User


def is_organisation_administrator(request: HttpRequest) -> bool:
    """Staff with the administrator role in an organisation (cached per request)."""
    cached = getattr(request, "_lantern_org_admin", None)
    if cached is None:
        user: Any = request.user
        cached = bool(
            user.is_authenticated
            and user.is_active
            and user.is_staff
            and user.organisation_id is not None
            and Role.ADMINISTRATOR in user.roles
        )
        request._lantern_org_admin = cached  # type: ignore[attr-defined]
    return cached


def _json_value(value: Any) -> Any:
    """A field value as something an AuditEvent's JSON can hold."""
    if isinstance(value, models.Model):
        return value.pk if not isinstance(value.pk, uuid.UUID) else str(value.pk)
    if isinstance(value, QuerySet | list | tuple | set):
        return sorted((_json_value(v) for v in value), key=str)
    if isinstance(value, dt.date | dt.datetime | uuid.UUID):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str | dict):
        return value
    return str(value)


def _field_value(obj: models.Model, name: str) -> Any:
    try:
        field = obj._meta.get_field(name)
    except Exception:  # a form-only field, e.g. password1
        return None
    if field.many_to_many:
        return sorted(getattr(obj, name).values_list("pk", flat=True)) if obj.pk else []
    if not isinstance(field, models.Field):
        return None
    return _json_value(getattr(obj, field.attname if field.is_relation else name, None))


class ScopedAdmin(admin.ModelAdmin):
    """Scoping and auditing shared by every Lantern admin.

    ``organisation_lookup`` is the queryset lookup from a row to its
    organisation's id. The ``administrators_may_*`` flags say what an
    organisation administrator may do within that scope; superusers keep
    Django's own permission checks.
    """

    organisation_lookup = "organisation"
    #: Audit reads as well as changes: the object's page and each page of the list.
    audit_reads = False
    administrators_may_add = False
    administrators_may_change = False
    administrators_may_delete = False
    superusers_may_add = True
    superusers_may_change = True
    superusers_may_delete = True

    # --- scope --------------------------------------------------------------------------
    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        user: Any = request.user
        if user.is_superuser:
            return queryset
        if not is_organisation_administrator(request):
            return queryset.none()
        return queryset.filter(**{self.organisation_lookup: user.organisation_id})

    def _in_scope(self, request: HttpRequest, obj: models.Model | None) -> bool:
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def _organisation_id_of(self, request: HttpRequest, obj: models.Model) -> int | None:
        if self.organisation_lookup == "pk":
            return obj.pk
        if self.organisation_lookup == "organisation":
            return getattr(obj, "organisation_id", None)
        user: Any = request.user
        return user.organisation_id

    # --- permissions ----------------------------------------------------------------------
    def has_module_permission(self, request: HttpRequest) -> bool:
        return (
            super().has_module_permission(request)
            if request.user.is_superuser
            else (is_organisation_administrator(request))
        )

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if request.user.is_superuser:
            return super().has_view_permission(request, obj)
        return is_organisation_administrator(request) and self._in_scope(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        if request.user.is_superuser:
            return self.superusers_may_add and super().has_add_permission(request)
        return self.administrators_may_add and is_organisation_administrator(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if request.user.is_superuser:
            return self.superusers_may_change and super().has_change_permission(request, obj)
        return (
            self.administrators_may_change and is_organisation_administrator(request) and self._in_scope(request, obj)
        )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if request.user.is_superuser:
            return self.superusers_may_delete and super().has_delete_permission(request, obj)
        return (
            self.administrators_may_delete and is_organisation_administrator(request) and self._in_scope(request, obj)
        )

    # --- audit ----------------------------------------------------------------------------
    def _audit(
        self,
        request: HttpRequest,
        obj: models.Model,
        action: str,
        *,
        object_id: Any = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        actor: Any = request.user
        AuditEvent.objects.create(
            actor=actor,
            organisation_id=self._organisation_id_of(request, obj),
            action=f"admin.{action}",
            object_type=obj._meta.model_name or "",
            object_id=str(object_id if object_id is not None else obj.pk),
            before=before or {},
            after=after or {},
        )

    # The read is audited once the page is built (the object found, access
    # checked) and before it is sent: if the audit row cannot be written, the
    # request fails and nothing is shown.
    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        shown = _context(response).get("original")
        if self.audit_reads and request.method == "GET" and response.status_code == 200 and shown is not None:
            self._audit(request, shown, "viewed")
        return response

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        changelist = _context(response).get("cl")
        if self.audit_reads and request.method == "GET" and response.status_code == 200 and changelist is not None:
            # The page's rows are fetched here and reused when the template renders.
            shown = [str(obj.pk) for obj in changelist.result_list]
            user: Any = request.user
            AuditEvent.objects.create(
                actor=user,
                organisation_id=None if user.is_superuser else user.organisation_id,
                action="admin.listed",
                object_type=self.model._meta.model_name or "",
                object_id="",
                after={"shown": shown, "page": changelist.page_num, "query": request.GET.urlencode()},
            )
        return response

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        # The admin wraps this, save_related and the log entry in one transaction,
        # so the audit row commits with the change or not at all.
        fields = [name for name in form.changed_data if name in form.cleaned_data]
        before: dict[str, Any] = {}
        if change:
            stored = type(obj)._default_manager.filter(pk=obj.pk).first()
            if stored is not None:
                before = {name: _field_value(stored, name) for name in fields}
        self._before_save(request, obj, change)
        super().save_model(request, obj, form, change)
        after = {name: _json_value(form.cleaned_data[name]) for name in fields}
        for name in list(after):
            if "password" in name:  # never a hash, never a new password
                before.pop(name, None)
                after[name] = "(changed)"
        self._audit(request, obj, "changed" if change else "added", before=before, after=after)

    def _before_save(self, request: HttpRequest, obj: Any, change: bool) -> None:
        """Hook: pin a row to the administrator's organisation before it is saved."""

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        object_id = obj.pk
        super().delete_model(request, obj)
        self._audit(request, obj, "deleted", object_id=object_id, before={"str": str(obj)})

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        rows = list(queryset)
        super().delete_queryset(request, queryset)
        for obj in rows:
            self._audit(request, obj, "deleted", object_id=obj.pk, before={"str": str(obj)})


def _context(response: HttpResponse) -> dict[str, Any]:
    """The template context of an admin page not yet rendered (empty for a redirect)."""
    return getattr(response, "context_data", None) or {}


class PinnedToOrganisationAdmin(ScopedAdmin):
    """For rows with an ``organisation`` foreign key: an organisation
    administrator cannot choose another organisation; new rows get theirs."""

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> list[str]:
        excluded = list(super().get_exclude(request, obj) or [])
        if not request.user.is_superuser:
            excluded += ["organisation", "partnership"]
        return excluded

    def _before_save(self, request: HttpRequest, obj: Any, change: bool) -> None:
        user: Any = request.user
        if not user.is_superuser:
            obj.organisation_id = user.organisation_id


@admin.register(Organisation)
class OrganisationAdmin(ScopedAdmin):
    organisation_lookup = "pk"
    administrators_may_change = True  # their own duty contact and alert inbox
    list_display = ("name", "slug", "kind", "alert_email")
    search_fields = ("name", "slug")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str] | tuple[str, ...]:
        # The slug is the organisation's key in imports and exports.
        return () if request.user.is_superuser else ("slug", "kind")


@admin.register(Partnership)
class PartnershipAdmin(ScopedAdmin):
    """A partnership spans organisations, so only a superuser changes one."""

    organisation_lookup = "organisations"
    list_display = ("name", "slug", "kind")
    filter_horizontal = ("organisations",)


@admin.register(Panel)
class PanelAdmin(PinnedToOrganisationAdmin):
    """An organisation administrator manages their own organisation's panels;
    partnership panels are a superuser's."""

    administrators_may_add = True
    administrators_may_change = True
    administrators_may_delete = True
    list_display = ("name", "slug", "organisation", "partnership", "duty_email")
    filter_horizontal = ("members",)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        user: Any = request.user
        if db_field.name == "members" and not user.is_superuser:
            kwargs["queryset"] = User.objects.filter(organisation_id=user.organisation_id)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0

    # The parent UserAdmin has already scoped the user; a grant is part of it.
    def _may(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or is_organisation_administrator(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request)


@admin.register(User)
class UserAdmin(PinnedToOrganisationAdmin, DjangoUserAdmin):
    """Staff accounts and their role grants. An organisation administrator
    cannot see superusers, make anyone a superuser, or hand out Django
    permissions, and deactivates rather than deletes (a deleted user would
    take audit history and call-back details with them)."""

    administrators_may_add = True
    administrators_may_change = True
    inlines = [RoleGrantInline]
    list_display = ("username", "email", "first_name", "last_name", "organisation", "is_active", "is_staff")
    list_filter = ("is_active", "is_staff", "organisation")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,  # type: ignore[misc]
        ("Lantern", {"fields": ("organisation", "learning_emails")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "organisation", "password1", "password2")}),
    )
    ADMINISTRATOR_FIELDSETS = (
        (None, {"fields": ("username", "password")}),
        ("Personal info", {"fields": ("first_name", "last_name", "email")}),
        ("Access", {"fields": ("is_active", "is_staff", "learning_emails")}),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    ADMINISTRATOR_ADD_FIELDSETS = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "password1", "password2")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.ADMINISTRATOR_ADD_FIELDSETS if obj is None else self.ADMINISTRATOR_FIELDSETS

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str] | tuple[str, ...]:
        return () if request.user.is_superuser else ("last_login", "date_joined")

    def get_list_filter(self, request: HttpRequest) -> Any:
        return self.list_filter if request.user.is_superuser else ("is_active", "is_staff")

    def save_formset(self, request: HttpRequest, form: ModelForm, formset: Any, change: bool) -> None:
        user = form.instance
        before = sorted(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
        super().save_formset(request, form, formset, change)
        after = sorted(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
        if before != after:
            self._audit(request, user, "roles_changed", before={"roles": before}, after={"roles": after})


@admin.register(Report)
class ReportAdmin(ScopedAdmin):
    """Read-only, de-identified. No identity, no receipt hash, no inline of
    either. Every read is audited."""

    audit_reads = True
    superusers_may_add = False
    superusers_may_change = False
    superusers_may_delete = False
    list_display = ("reference", "kind", "service_area", "status", "submitted_on", "live_concern", "theme")
    list_filter = ("status", "kind", "live_concern", "service_area")
    search_fields = ("reference", "source_reference")
    fields = (
        "reference",
        "source_reference",
        "organisation",
        "identity_mode",
        "kind",
        "service_area",
        "narrative",
        "what_would_help",
        "contributing_factors",
        "reached_child",
        "raised_at_time",
        "got_what_needed",
        "happened_before",
        "incident_month",
        "submitted_on",
        "status",
        "closed_on",
        "live_concern",
        "live_concern_reasons",
        "theme",
        "westrum_aspect",
        "westrum_orientation",
        "learning_together",
        "processed_at",
    )
    readonly_fields = fields
    list_select_related = ("theme",)


@admin.register(Theme)
class ThemeAdmin(ScopedAdmin):
    """Read-only: panels shape themes in the panel pages, where every decision
    goes through a service that a rebuild respects. Partnership themes are
    visible to superusers only."""

    superusers_may_add = False
    superusers_may_change = False
    list_display = ("title", "organisation", "partnership", "size", "status", "emerging", "retired_at")
    list_filter = ("status", "emerging")
    search_fields = ("title",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str] | tuple[str, ...]:
        return [f.name for f in Theme._meta.fields]


@admin.register(AuditEvent)
class AuditEventAdmin(ScopedAdmin):
    """The audit trail cannot be edited or deleted by anybody."""

    superusers_may_add = False
    superusers_may_change = False
    superusers_may_delete = False
    list_display = ("at", "action", "object_type", "object_id", "actor", "organisation")
    list_filter = ("action", "object_type")
    search_fields = ("object_id", "action")
    readonly_fields = ("at", "actor", "organisation", "action", "object_type", "object_id", "before", "after")
    fields = readonly_fields
    list_select_related = ("actor", "organisation")
