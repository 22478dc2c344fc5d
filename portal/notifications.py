"""Wagtail's e-mail to the redacteur when the eindredactie approves a page, with the reviewer's comment:
"Goedkeuren met opmerking" reached nobody (only the page's history kept it), while a rejection's comment is
in its e-mail. The templates are Wagtail's with the comment added (templates/wagtailadmin/notifications/)."""

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved

DISPATCH_UID = "workflow_state_approved_email_notification"  # Wagtail's own: this notifier takes its place


class ApprovalWithCommentNotifier(WorkflowStateApprovalEmailNotifier):
    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        last = workflow_state.task_states.order_by("-finished_at", "-pk").first()
        context["comment"] = last.specific.get_comment() if last else ""
        return context


approval_with_comment_notifier = ApprovalWithCommentNotifier()  # kept here: signals hold receivers weakly


def send_the_comment_with_the_approval() -> None:
    workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=DISPATCH_UID)
    workflow_approved.connect(approval_with_comment_notifier, sender=WorkflowState, dispatch_uid=DISPATCH_UID)
