"""Atom feeds of a journal in one language: its issues, its articles.

Served by ``JournalIndexPage`` at ``feeds/issues/`` and ``feeds/articles/``
(Django's syndication framework). Only live, public pages of the index
page's language appear; each entry carries a summary, its own ``updated``
date and ``xml:lang``.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

FEED_SIZE = 30


class LanguageAtomFeed(Atom1Feed):
    """Atom with ``xml:lang`` on every entry, not only on the feed."""

    def item_attributes(self, item):
        attrs = super().item_attributes(item)
        if item.get("language"):
            attrs["xml:lang"] = item["language"]
        return attrs


class JournalFeed(Feed):
    feed_type = LanguageAtomFeed

    def get_object(self, request, *args, page=None, **kwargs):
        self.request = request
        self.language = page.locale.language_code
        return page

    def link(self, page):
        return page.get_full_url(self.request)

    def feed_url(self, page):
        return self.request.build_absolute_uri(self.request.path)

    def item_extra_kwargs(self, item):
        return {"language": item.locale.language_code}

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at


class IssuesFeed(JournalFeed):
    def title(self, page):
        return _("%(journal)s: issues") % {"journal": page.title}

    def items(self, page):
        return page.get_issues().filter(locale=page.locale)[:FEED_SIZE]

    def item_description(self, item):
        return item.summary or _("Issue %(number)s") % {"number": item.number}


class ArticlesFeed(JournalFeed):
    def title(self, page):
        return _("%(journal)s: articles") % {"journal": page.title}

    def items(self, page):
        return (
            page.get_articles()
            .filter(locale=page.locale)
            .select_related("locale")
            .order_by("-first_published_at")[:FEED_SIZE]
        )

    def item_description(self, item):
        if item.summary:
            return item.summary
        text = " ".join(
            str(block.value.get("text", ""))
            if block.block_type == "poem"
            else str(getattr(block.value, "source", ""))
            for block in item.body
            if block.block_type in ("paragraph", "poem")
        )
        from django.utils.html import strip_tags

        return Truncator(strip_tags(text)).words(40) or item.title
