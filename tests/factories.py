"""Builders shared by the whole suite (factory_boy for users, plain functions
for associations, which go through the real provisioning code)."""

import factory
from django.contrib.auth import get_user_model

from network.provisioning import create_association


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-9")


def make_association(slug, *, name=None, hostname=None, port=80, **kwargs):
    return create_association(
        name=name or slug.capitalize(),
        slug=slug,
        hostname=hostname or f"{slug}.localhost",
        port=port,
        **kwargs,
    )


def make_member(association, username, role="editor"):
    user = UserFactory(username=username)
    group = (
        association.moderators_group
        if role == "moderator"
        else association.editors_group
    )
    user.groups.add(group)
    return user
