from django.shortcuts import render
from wagtail.models import Locale, Page, Site


def search(request):
    site = Site.find_for_request(request)
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query and site:
        results = (
            Page.objects.live()
            .public()
            .in_site(site)
            .filter(locale=Locale.get_active())
            .search(query)
        )
    return render(
        request, "sitepages/search.html", {"query": query, "results": results}
    )
