"""``manage.py remind_directory_checks``: the weekly re-check reminder.

E-mails each association's editors and moderators the entries nobody has
confirmed for six months (``RECHECK_AFTER_DAYS``), with links to edit them and
to the one-tap confirmation page. Run it weekly from cron, e.g.::

    0 8 * * 1  cd /srv/maillage && .venv/bin/python manage.py remind_directory_checks

It uses Django's e-mail backend (``EMAIL_*`` settings). ``--dry-run`` prints
what would be sent.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from directory.admin_views import stale_cutoff
from directory.models import Organisation, StatusChoices
from network.models import Association

MAX_LISTED = 50
EDIT_URL_NAME = "wagtailsnippets_directory_organisation:edit"


class Command(BaseCommand):
    help = "E-mail association editors the directory entries to re-check."

    def add_arguments(self, parser):
        parser.add_argument("--association", help="Only this association (slug).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Print instead of sending."
        )

    def handle(self, *args, **options):
        associations = Association.objects.all()
        if options["association"]:
            associations = associations.filter(slug=options["association"])
            if not associations.exists():
                raise CommandError(f"Unknown association: {options['association']}")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        sent = 0
        for association in associations:
            if not association.has_plugin("directory"):
                continue
            entries = list(
                Organisation.objects.filter(
                    association=association,
                    locale__language_code=settings.LANGUAGE_CODE,
                )
                .exclude(status=StatusChoices.CLOSED)
                .filter(
                    Q(last_checked__isnull=True) | Q(last_checked__lt=stale_cutoff())
                )
                .order_by("last_checked", "name")
            )
            if not entries:
                continue
            recipients = sorted(
                set(
                    get_user_model()
                    .objects.filter(
                        is_active=True,
                        groups__in=[
                            association.editors_group_id,
                            association.moderators_group_id,
                        ],
                    )
                    .exclude(email="")
                    .values_list("email", flat=True)
                )
            )
            if not recipients:
                continue
            with override(settings.LANGUAGE_CODE):
                subject, body = self.message(association, entries, base)
            if options["dry_run"]:
                self.stdout.write(f"To: {', '.join(recipients)}\n{subject}\n{body}")
            else:
                send_mail(
                    subject,
                    body,
                    settings.DEFAULT_FROM_EMAIL,
                    recipients,
                    fail_silently=False,
                )
            sent += 1
        self.stdout.write(
            f"{sent} reminder(s) {'prepared' if options['dry_run'] else 'sent'}."
        )

    @staticmethod
    def message(association, entries, base):
        today = timezone.localdate()
        subject = _("%(association)s: %(count)s directory entries to re-check") % {
            "association": association.name,
            "count": len(entries),
        }
        lines = [
            _(
                "These entries of %(association)s have not been confirmed for six "
                "months. Please check them, then tap “Still accurate today”:"
            )
            % {"association": association.name},
            base + reverse("directory_check:list") + "?stale=1",
            "",
        ]
        for entry in entries[:MAX_LISTED]:
            checked = (
                _("last checked %(days)s days ago")
                % {"days": (today - entry.last_checked).days}
                if entry.last_checked
                else _("never checked")
            )
            edit = reverse(EDIT_URL_NAME, args=[entry.pk])
            lines.append(
                f"- {entry.name} ({entry.city or '—'}, {checked}): {base}{edit}"
            )
        if len(entries) > MAX_LISTED:
            lines.append(
                _("…and %(count)s more.") % {"count": len(entries) - MAX_LISTED}
            )
        return subject, "\n".join(lines)
