"""The vocabularies of a report, shared by forms, the API, imports and labels.

Label values are the keys of ``shared/data/sample_labels.jsonl`` so exports
line up with outside evaluation tools.
"""

from django.db import models


class Role(models.TextChoices):
    LEADER = "leader", "Leader"
    CONFIDENTIAL_CONTACT = "confidential_contact", "Confidential contact"
    ADMINISTRATOR = "administrator", "Administrator"


class ReportKind(models.TextChoices):
    NEAR_MISS = "near_miss", "Near miss"
    WORKAROUND = "workaround", "Workaround"
    PROCEDURE_SHORTCUT = "procedure_shortcut", "Procedure shortcut"
    WENT_WELL = "went_well", "What went well"


class IdentityMode(models.TextChoices):
    CONFIDENTIAL = "confidential", "Confidential"
    ANONYMOUS = "anonymous", "Anonymous"


class ServiceArea(models.TextChoices):
    FRONT_DOOR = "front_door", "Front door / MASH"
    ASSESSMENT = "assessment", "Assessment"
    CHILD_IN_NEED = "child_in_need", "Child in need"
    CHILD_PROTECTION = "child_protection", "Child protection"
    CHILDREN_IN_CARE = "children_in_care", "Children in care"
    CARE_LEAVERS = "care_leavers", "Care leavers"
    FOSTERING = "fostering", "Fostering"
    RESIDENTIAL = "residential", "Residential"
    DISABLED_CHILDREN = "disabled_children", "Disabled children"
    OUT_OF_HOURS = "out_of_hours", "Out of hours"
    FAMILY_SUPPORT = "family_support", "Family support / early help"
    COURT_AND_LEGAL = "court_and_legal", "Court and legal"


class ContributingFactor(models.TextChoices):
    TIME_PRESSURE = "time_pressure", "Time pressure or caseload"
    STAFFING = "staffing", "Staffing and cover"
    SUPERVISION = "supervision", "Supervision or oversight"
    PROCEDURE = "procedure", "Procedure unclear or unworkable"
    RECORDING_SYSTEM = "recording_system", "Recording system or forms"
    OTHER_AGENCY_INFORMATION = "other_agency_information", "Information from another agency"
    TEAM_COMMUNICATION = "team_communication", "Communication between teams"
    FAMILY_ENGAGEMENT = "family_engagement", "Family engagement"
    LANGUAGE_NEEDS = "language_needs", "Language or communication needs"
    TRAINING = "training", "Training or experience"
    RESOURCES = "resources", "Resources"
    OUT_OF_HOURS = "out_of_hours", "Out of hours"
    OWN_SAFETY = "own_safety", "My own safety"


class ReachedChild(models.TextChoices):
    YES = "yes", "Yes"
    # The screen flags this answer on its own (reporting.analysis.screening.REACHED_CHILD_LIVE).
    ONGOING = "ongoing", "Yes, and a child may still be at risk now"
    NO = "no", "No, it was caught in time"
    NOT_SURE = "not_sure", "Not sure"


class UrgentOutcome(models.TextChoices):
    """What the person who handled a live-concern report found: the only measure of how
    often the screen (or the reporter's answer) is right on this organisation's reports."""

    ACTED_ON = "acted_on", "A child was at risk now, and it was acted on"
    ALREADY_KNOWN = "already_known", "A child was at risk, but services already knew and were acting"
    NOT_LIVE = "not_live", "No child was at risk now (a false alarm)"


class RaisedAtTime(models.TextChoices):
    THANKED_ACTED_ON = "thanked_acted_on", "Yes, I was thanked and it was acted on"
    ACKNOWLEDGED_NO_CHANGE = "acknowledged_no_change", "Yes, it was acknowledged but nothing changed"
    IGNORED = "ignored", "Yes, but it was ignored"
    CRITICISED_BLAMED = "criticised_blamed", "Yes, and I was criticised or blamed"
    NOT_ABLE_TO_RAISE = "not_able_to_raise", "No, I did not feel able to raise it"


class GotWhatNeeded(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class HappenedBefore(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SURE = "not_sure", "Not sure"


class ReportStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    IN_REVIEW = "in_review", "Being looked at by the review panel"
    LEARNING_PUBLISHED = "learning_published", "Learning published"
    CLOSED = "closed", "Closed"


class WestrumAspect(models.TextChoices):
    COOPERATION = "cooperation", "Cooperation"
    MESSENGERS = "messengers", "Messengers"
    RESPONSIBILITIES = "responsibilities", "Responsibilities"
    BRIDGING = "bridging", "Bridging"
    FAILURE = "failure", "Failure"
    NOVELTY = "novelty", "Novelty"


class WestrumOrientation(models.TextChoices):
    PATHOLOGICAL = "pathological", "Pathological"
    BUREAUCRATIC = "bureaucratic", "Bureaucratic"
    GENERATIVE = "generative", "Generative"


class LearningTogether(models.TextChoices):
    MULTI_AGENCY_INCIDENTS = "multi_agency_incidents", "Multi-agency working in response to incidents and crises"
    MULTI_AGENCY_LONGER_TERM = "multi_agency_longer_term", "Multi-agency working in longer-term work"
    HUMAN_REASONING = "human_reasoning", "Human reasoning"
    FAMILY_PROFESSIONAL = "family_professional", "Family-professional interaction"
    TOOLS = "tools", "Tools"
    MANAGEMENT_SYSTEMS = "management_systems", "Management systems"


class FeedbackKind(models.TextChoices):
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    RAPID_FIX = "rapid_fix", "Rapid fix"
    BULLETIN = "bulletin", "Risk-awareness bulletin"
    ACTIONS_TAKEN = "actions_taken", "Actions taken"
    SYSTEM_CHANGE = "system_change", "Lasting system change"


class ThemeStatus(models.TextChoices):
    NEW = "new", "New"
    TRIAGED = "triaged", "Triaged"
    MONITORING = "monitoring", "Monitoring"
    THEMATIC_REVIEW = "thematic_review", "Thematic review"
    DISMISSED = "dismissed", "Dismissed"
    CLOSED = "closed", "Closed"
