"""The public side of an appeal: the page, the pledge and its confirmation.

Called by ``AppealPage``'s routes. A pledge is refused without storing
anything and without a redirect: a form error (bad amount, missing consent,
honeypot), 429 when the address exceeds ``PLEDGE_RATE_LIMIT``, 400 when the
appeal is closed or the site does not take pledges for it. An accepted
pledge answers 303 to ``confirmation/<code>/``.
"""

from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from network.models import Association
from sitepages.appeals import ratelimit, references
from sitepages.appeals.emails import send_confirmation
from sitepages.appeals.forms import PledgeForm
from sitepages.appeals.ledger import ledger_q
from sitepages.appeals.models import Pledge

TEMPLATE = "sitepages/appeals/appeal_page.html"


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def _render(page, request, form, status=200, refusal=""):
    context = page.get_context(request)
    context.update(
        {
            "form": form if page.is_open() and not refusal else None,
            "refusal": refusal,
        }
    )
    return TemplateResponse(request, TEMPLATE, context, status=status)


def appeal_view(page, request):
    if request.method != "POST":
        form = PledgeForm(appeal=page) if page.is_open() else None
        return _render(page, request, form)
    association = Association.for_site(Site.find_for_request(request))
    if not page.is_open():
        return _render(
            page, request, None, 400, _("This appeal is closed: it takes no pledges.")
        )
    if not page.accepts_pledges_from(association):
        return _render(
            page,
            request,
            None,
            400,
            _("This site does not take pledges for this appeal."),
        )
    form = PledgeForm(request.POST, appeal=page)
    if not ratelimit.hit("pledge", ratelimit.client_address(request)):
        form = PledgeForm(appeal=page)
        response = _render(page, request, form, 429)
        response.context_data["rate_limited"] = True
        return response
    if not form.is_valid():
        return _render(page, request, form)
    data = form.cleaned_data
    with transaction.atomic():
        pledge = Pledge.objects.create(
            association=association,
            appeal=page,
            amount=data["amount"],
            currency=page.currency,
            donor_name=data["donor_name"].strip(),
            email=data["email"],
            message=data["message"].strip(),
            consent_to_contact=data["consent_to_contact"],
            public_display=data["public_display"],
            payment_method=data["payment_method"],
            language=translation.get_language() or "fr",
        )
    url = page.get_url(request) + page.reverse_subpage(
        "confirmation", kwargs={"code": pledge.reference}
    )
    send_confirmation(pledge, request.build_absolute_uri(url))
    return HttpResponseSeeOther(url)


def confirmation_view(page, request, code):
    """The instructions of a pledge taken on this site for this appeal."""
    code = references.normalise(code)
    if not references.is_valid(code):
        raise Http404
    # a pledge's confirmation shows on the site that took it
    association = Association.for_site(Site.find_for_request(request))
    pledge = (
        Pledge.objects.filter(ledger_q(page), reference=code, association=association)
        .select_related("appeal")
        .first()
    )
    if pledge is None:
        raise Http404
    context = page.get_context(request)
    context["pledge"] = pledge
    return TemplateResponse(request, "sitepages/appeals/confirmation.html", context)
