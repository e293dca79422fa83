"""URLs: admin, APIs and plugins outside the language prefix; pages inside it."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_static_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from network import views
from network.plugins import get_plugins

handler404 = "network.views.page_not_found"
handler500 = "network.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # sitemap.xml lists the requested site's pages in every language it
    # publishes (Wagtail's own view only sees the default-language tree)
    path("", include("sitepages.root_urls")),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

i18n_urlpatterns = []
for plugin in get_plugins().values():
    if plugin.urls:
        urlpatterns.append(path(plugin.url_prefix, include(plugin.urls)))
    if plugin.i18n_urls:
        i18n_urlpatterns.append(path(plugin.i18n_url_prefix, include(plugin.i18n_urls)))

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or settings.NETWORK_SERVE_MEDIA:
    # Django's ``static()`` helper only works with DEBUG on; the demo runs
    # with it off so that visitors see the product's own 404 page. Documents
    # are left out: only Wagtail's view serves them, checking their privacy.
    urlpatterns.append(
        re_path(
            r"^{}(?P<path>(?!documents/).+)$".format(
                re.escape(settings.MEDIA_URL.lstrip("/"))
            ),
            serve_static_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(
    *i18n_urlpatterns,
    path("", include("sitepages.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
