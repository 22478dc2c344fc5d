"""Registration in the ZGW APIs (Open Zaak): zaak, document (the melding's PDF), their link, initiator.

Every step first asks whether the object already exists (by `identificatie` = the melding's reference, or
by the zaak's URL) and stores each created URL in the job's `progress`, so a retry after a crash or a
timeout never creates a second zaak or document.
"""

import base64
import time

import jwt
from django.utils import timezone

from meldingen.delivery import http
from meldingen.delivery.errors import DeliveryFailed

CRS_HEADERS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}


def client_token(client_id: str, secret: str, now: float | None = None) -> str:
    """The JWT the ZGW APIs expect: HS256, signed with the client's secret."""
    issued = int(now if now is not None else time.time())
    claims = {
        "iss": client_id,
        "iat": issued,
        "client_id": client_id,
        "user_id": "wmo-portaal",
        "user_representation": "Wmo-portaal",
    }
    return jwt.encode(claims, secret, algorithm="HS256")


class ZGWClient:
    def __init__(self, target, timeout: float, idempotency_key: str):
        self.target = target
        self.timeout = timeout
        self.headers = {
            "Authorization": f"Bearer {client_token(target.client_id, target.secret)}",
            "Idempotency-Key": idempotency_key,
            **CRS_HEADERS,
        }

    def _url(self, api: str, resource: str) -> str:
        base = self.target.zaken_api_url if api == "zaken" else self.target.documenten_api_url
        return f"{base.rstrip('/')}/{resource}"

    def find(self, api: str, resource: str, **params) -> str | None:
        response = http.send(
            "GET", self._url(api, resource), params=params, headers=self.headers, timeout=self.timeout
        )
        data = http.json_of(response)
        results = data.get("results", data if isinstance(data, list) else [])
        return results[0]["url"] if results else None

    def create(self, api: str, resource: str, data: dict) -> str:
        response = http.send_json(
            "POST", self._url(api, resource), data, headers=self.headers, timeout=self.timeout
        )
        url = http.json_of(response).get("url")
        if not url:
            raise DeliveryFailed(f"HTTP {response.status_code}", f"{resource}: antwoord zonder url")
        return url


def _split_name(name: str) -> tuple[str, str]:
    words = (name or "").split()
    if len(words) < 2:
        return "", name or "onbekend"
    return words[0], " ".join(words[1:])


def deliver(job, timeout: float) -> str:
    target, melding = job.target, job.melding
    client = ZGWClient(target, timeout, melding.reference)
    progress = dict(job.progress or {})

    def step(name: str, produce):
        if not progress.get(name):
            progress[name] = produce()
            job.progress = progress
            job.save(update_fields=["progress"])
        return progress[name]

    today = timezone.localdate(melding.created_at).isoformat()
    zaak = step(
        "zaak",
        lambda: (
            client.find(
                "zaken", "zaken", identificatie=melding.reference, bronorganisatie=target.bronorganisatie
            )
            or client.create(
                "zaken",
                "zaken",
                {
                    "identificatie": melding.reference,
                    "bronorganisatie": target.bronorganisatie,
                    "verantwoordelijkeOrganisatie": target.bronorganisatie,
                    "zaaktype": target.zaaktype,
                    "startdatum": today,
                    "registratiedatum": today,
                    "omschrijving": f"Wmo-melding {melding.reference}",
                    "vertrouwelijkheidaanduiding": "vertrouwelijk",
                },
            )
        ),
    )
    document = step(
        "document",
        lambda: (
            client.find(
                "documenten",
                "enkelvoudiginformatieobjecten",
                identificatie=melding.reference,
                bronorganisatie=target.bronorganisatie,
            )
            or client.create("documenten", "enkelvoudiginformatieobjecten", _document(target, melding, today))
        ),
    )
    step(
        "zaakinformatieobject",
        lambda: (
            client.find("zaken", "zaakinformatieobjecten", zaak=zaak, informatieobject=document)
            or client.create(
                "zaken",
                "zaakinformatieobjecten",
                {"zaak": zaak, "informatieobject": document, "titel": f"Melding {melding.reference}"},
            )
        ),
    )
    voornamen, geslachtsnaam = _split_name(melding.resident_name)
    step(
        "rol",
        lambda: (
            client.find("zaken", "rollen", zaak=zaak, omschrijvingGeneriek="initiator")
            or client.create(
                "zaken",
                "rollen",
                {
                    "zaak": zaak,
                    "betrokkeneType": "natuurlijk_persoon",
                    "roltype": target.roltype_initiator,
                    "roltoelichting": "Inwoner die de melding deed",
                    "betrokkeneIdentificatie": {"voornamen": voornamen, "geslachtsnaam": geslachtsnaam},
                },
            )
        ),
    )
    return "zaak aangemaakt"


def _document(target, melding, today: str) -> dict:
    from meldingen.pdf import melding_pdf

    return {
        "identificatie": melding.reference,
        "bronorganisatie": target.bronorganisatie,
        "creatiedatum": today,
        "titel": f"Melding {melding.reference}",
        "auteur": "Wmo-portaal",
        "taal": "dut",
        "bestandsnaam": f"melding-{melding.reference}.pdf",
        "formaat": "application/pdf",
        "inhoud": base64.b64encode(melding_pdf(melding)).decode(),
        "informatieobjecttype": target.informatieobjecttype,
        "vertrouwelijkheidaanduiding": "vertrouwelijk",
        "status": "definitief",
    }
