"""Template filters of fundraising appeals: amounts in the reader's language."""

from django import template

from sitepages.appeals import formatting

register = template.Library()


@register.filter
def money(amount, currency="EUR"):
    """``{{ totals.received|money:page.currency }}`` → ``1 240 €`` in French."""
    return formatting.money(amount, currency)


@register.filter
def number(value):
    return formatting.number(value)
