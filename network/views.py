"""Public views of the platform core: errors, robots.txt."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from wagtail.models import Site

from network.headers import allow_inline_styles


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """A standalone page: it must render even when the database is down."""
    response = HttpResponseServerError(loader.get_template("500.html").render())
    return allow_inline_styles(response)


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Allow: /",
        f"Sitemap: {root}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
