"""Background tasks of the journal (django-tasks; immediate backend by default)."""

from django_tasks import task


@task()
def generate_issue_pdf(issue_id):
    """Render and store the print PDF of one issue (no-op if it is cached)."""
    from journal.pages import IssuePage
    from journal.pdf import store_issue_pdf

    issue = IssuePage.objects.filter(pk=issue_id).first()
    if issue is None:
        return None
    return store_issue_pdf(issue)
