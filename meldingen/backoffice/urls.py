from django.urls import path

from meldingen.backoffice import (
    audit_views,
    dashboard,
    gesprek_views,
    otp_views,
    signaal_views,
    verslag_views,
    views,
    workload,
)
from meldingen.delivery import views as delivery_views

app_name = "backoffice"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("export.csv", views.inbox_csv, name="inbox_csv"),
    path("meldingen/<int:pk>/", views.melding_detail, name="melding"),
    path("meldingen/<int:pk>/status/", views.change_status, name="change_status"),
    path("meldingen/<int:pk>/toewijzen/", views.assign, name="assign"),
    path("meldingen/<int:pk>/in-behandeling/", views.take, name="take"),
    path("meldingen/<int:pk>/notitie/", views.add_note, name="add_note"),
    path("meldingen/<int:pk>/niet-bereikt/", views.not_reached, name="not_reached"),
    *[
        path(f"meldingen/<int:pk>/{once.path}/", views.record_once, {"step": step}, name=step)
        for step, once in views.RECORDED_ONCE.items()
    ],
    *[
        path(
            f"meldingen/<int:pk>/{once.path}/terugdraaien/",
            views.undo_once,
            {"step": step},
            name=f"{step}_terug",
        )
        for step, once in views.RECORDED_ONCE.items()
    ],
    path("meldingen/<int:pk>/termijn-verlengen/", views.extend_term, name="extend_term"),
    path("meldingen/<int:pk>/verslag/", verslag_views.write, name="verslag"),
    path("meldingen/<int:pk>/verslag.pdf", verslag_views.letter, name="verslag_pdf"),
    path("meldingen/<int:pk>/verslag/verstuurd/", verslag_views.sent, name="verslag_verstuurd"),
    path("meldingen/<int:pk>/verwijzing/", gesprek_views.add_verwijzing, name="add_verwijzing"),
    path(
        "meldingen/<int:pk>/verwijzing/<int:verwijzing_pk>/weghalen/",
        gesprek_views.remove_verwijzing,
        name="remove_verwijzing",
    ),
    path("nazorg/<int:pk>/", gesprek_views.record_nazorg, name="record_nazorg"),
    path("meldingen/<int:pk>/nazorg/verbeteren/", views.correct_nazorg, name="correct_nazorg"),
    path("signalen/nieuw/", signaal_views.new, name="signaal_nieuw"),
    path("signalen/verstuurd/", signaal_views.sent, name="signalen_verstuurd"),
    path("signalen/afgerond/", signaal_views.finished, name="signalen_afgerond"),
    path("signalen/<int:pk>/", signaal_views.detail, name="signaal"),
    path("signalen/<int:pk>/status/", signaal_views.change_status, name="signaal_status"),
    path("signalen/<int:pk>/notitie/", signaal_views.add_note, name="signaal_notitie"),
    path("signalen/<int:pk>/in-behandeling/", signaal_views.take, name="signaal_take"),
    path("overzicht/", dashboard.dashboard, name="dashboard"),
    path("werkverdeling/", workload.workload, name="werkverdeling"),
    path("overzicht.csv", dashboard.dashboard_csv, name="dashboard_csv"),
    path("auditlog/", audit_views.audit_log, name="audit"),
    path("bezorging/", views.deliveries, name="deliveries"),
    path("bezorging/<int:job_pk>/opnieuw/", views.retry_delivery, name="retry_delivery"),
    path("bezorgdoelen/goedkeuren/", delivery_views.approvals, name="target_approvals"),
    path("bezorgdoelen/<int:pk>/besluit/", delivery_views.decide, name="target_decide"),
    path("twee-stappen/instellen/", otp_views.setup, name="otp_setup"),
    path("twee-stappen/code/", otp_views.verify, name="otp_verify"),
]
