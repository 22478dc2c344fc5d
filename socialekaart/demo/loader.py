"""Loads the fictional sociale kaart of Lindewaard. Idempotent: every object has a stable UUID or key,
so running it again updates the same rows instead of adding new ones."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core import vocabulary as search_vocabulary

from .. import signals
from ..hsds.bulk_writer import LOCATIE_FIELDS, write_relations
from ..hsds.writer import write_locations
from ..models import (
    AanbiederAccount,
    Capaciteit,
    Contact,
    Locatie,
    Organisatie,
    Sluiting,
    Synoniemgroep,
    Term,
    Voorziening,
    Wijk,
    WijkPostcode,
)
from ..permissions import ensure_groups, ensure_professionals_group
from ..tasks import apply_closures_now, schedule_capacity_reminders
from . import gemeente
from .aanbod import GEMEENTE, ORGANISATIE_TELEFOON, ORGANISATIES, SOORTEN, SPECIALISTEN, Soort
from .taxonomy import DOELGROEPEN, THEMAS, starting_synonyms

NAMESPACE = uuid.UUID("6f1d0c52-3b8e-4f61-9a55-0d1c7e2b9a10")
EDITOR_USERNAME = "redacteur-kaart"
PROFESSIONAL_USERNAME = "professional"  # a demo professional (e.g. a huisarts): sees the professional kaart
# Help at people's homes with no address of its own (Soort.aan_huis; the others come from an office).
THUIS_ZONDER_ADRES = {"maatje", "burenhulp", "thuisadministratie", "respijt-vrijwilliger", "wijkverpleging"}
TELEFOONLIJNEN = {"veilig-thuis"}  # answered on the phone, day and night: no office to visit, no balie
ZONDER_LOCATIE = THUIS_ZONDER_ADRES | TELEFOONLIJNEN
GEMEENTEHUIS_POSTCODE = "3911AE"  # Raadhuisplein, Centrum: the Wmo-loket
CAPACITY_AGES_DAYS = [0, 1, 2, 3, 5, 6, 8, 10, 14, 21]  # a mix of fresh and outdated (older than 7 days)
# The fields the demo sets, and so updates in a row that is already there ("laatst gewijzigd" too, as a save).
VOORZIENING_FIELDS = (
    *("organisatie", "name", "slug", "summary", "description", "toegang", "kosten", "kosten_bedrag"),
    *("kosten_toelichting", "aanmelden_telefoon", "aanmelden_email", "aanmelden_url", "aanmelden_inloop"),
    *("aanmelden_toelichting", "talen", "leeftijd_min", "leeftijd_max", "status", "laatst_gecontroleerd"),
    *("hele_gemeente", "aan_huis", "beperkte_plaatsen", "updated_at", "gesloten_door_sluiting"),
)
CONTACT_FIELDS = ("voorziening", "name", "rol", "telefoon", "email", "voor_professionals")
CAPACITEIT_FIELDS = ("status", "wachttijd_weken", "bijgewerkt_op")


def stable_id(*parts) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts))


def load(stdout=None, accounts: bool = True) -> dict[str, int]:
    """The demo kaart; with `accounts` also the editor and one provider account per organisation, all with
    the known demo password (the command makes them only with DEBUG or --accounts)."""
    with transaction.atomic(), signals.paused():
        wijken = _wijken()
        terms = _taxonomy()
        _synonyms()
        organisaties = _organisaties()
        voorzieningen = _voorzieningen(wijken, terms, organisaties)
        accounts = _accounts(organisaties) if accounts else 0
    return {
        "wijken": len(wijken),
        "organisaties": len(organisaties),
        "voorzieningen": len(voorzieningen),
        "accounts": accounts,
    }


def _wijken() -> list[Wijk]:
    result = []
    for demo in gemeente.WIJKEN:
        wijk, _ = Wijk.objects.update_or_create(
            cbs_code=demo.cbs_code,
            defaults={
                "name": demo.name,
                "slug": slugify(demo.name),
                "latitude": demo.centre[0],
                "longitude": demo.centre[1],
            },
        )
        for index, pc4 in enumerate(demo.postcodes):
            offset = 0.0025 * (index - (len(demo.postcodes) - 1) / 2)
            WijkPostcode.objects.update_or_create(
                pc4=pc4,
                defaults={
                    "wijk": wijk,
                    "latitude": demo.centre[0] + offset,
                    "longitude": demo.centre[1] - offset,
                },
            )
        result.append(wijk)
    return result


def _taxonomy() -> dict[str, Term]:
    terms = {}
    for vocabulary, rows in ((Term.Vocabulary.THEMA, THEMAS), (Term.Vocabulary.DOELGROEP, DOELGROEPEN)):
        for order, (code, name, description) in enumerate(rows):
            term, _ = Term.objects.update_or_create(
                vocabulary=vocabulary,
                code=code,
                defaults={"name": name, "description": description, "sort_order": order},
            )
            terms[f"{vocabulary}:{code}"] = term
    return terms


def _synonyms() -> None:
    for termen in starting_synonyms():
        Synoniemgroep.objects.update_or_create(
            id=stable_id("synoniem", termen.split(",")[0]), defaults={"termen": termen}
        )
    search_vocabulary.forget()


def _organisaties() -> dict[str, tuple[Organisatie, int]]:
    result = {}
    for name, wijk_index in ORGANISATIES:
        slug = slugify(name)
        organisatie, _ = Organisatie.objects.update_or_create(
            id=stable_id("organisatie", slug),
            defaults={
                "name": name,
                "slug": slug,
                "description": f"{name} helpt inwoners van Lindewaard.",
                "website": f"https://{slug}.example",
                "email": settings.MUNICIPALITY_EMAIL if name == GEMEENTE else f"info@{slug}.example",
                "phone": _organisation_phone(name, slug),
            },
        )
        result[name] = (organisatie, wijk_index)
    return result


def _organisation_phone(name: str, slug: str) -> str:
    if name == GEMEENTE:
        return settings.MUNICIPALITY_PHONE
    return ORGANISATIE_TELEFOON.get(name) or _phone(slug)


def _phone(seed: str, offset: int = 0) -> str:
    number = (uuid.uuid5(NAMESPACE, seed).int + offset) % 900000 + 100000
    return f"0599-{number}"


def _offers(organisaties) -> list[tuple[Soort, Organisatie, int]]:
    """Which organisation offers each soort in which wijk: each specialist once, then local organisations."""
    by_wijk: dict[int, list[Organisatie]] = {}
    specialists: dict[str, list[Organisatie]] = {}
    for name, (organisatie, wijk_index) in organisaties.items():
        if name in SPECIALISTEN:
            for key in SPECIALISTEN[name]:
                specialists.setdefault(key, []).append(organisatie)
        else:
            by_wijk.setdefault(wijk_index, []).append(organisatie)
    offers, used = [], {}
    for index, soort in enumerate(SOORTEN):
        for k in range(soort.aanbieders):
            wijk_index = (index + 3 * k) % len(gemeente.WIJKEN)
            candidates = specialists.get(soort.key, [])
            if k < len(candidates):
                organisatie = candidates[k]
            else:  # the local organisation with the fewest voorzieningen so far
                organisatie = min(by_wijk[wijk_index], key=lambda org: used.get(org.pk, 0))
            used[organisatie.pk] = used.get(organisatie.pk, 0) + 1
            offers.append((soort, organisatie, wijk_index))
    return offers


def aanmelden_uitleg(soort: Soort) -> str:
    """What a voorziening says under "Hoe meldt u zich aan?", after the kaart's own sentence about its access
    (a referral, a beschikking, or none) and the ways to reach it, which it does not repeat."""
    if soort.aanmelden:
        return soort.aanmelden
    if soort.toegang == "beschikking":
        return (
            "Hebt u de beschikking van de gemeente? Dan bellen wij u binnen een week. U mag ook zelf bellen."
        )
    if soort.toegang == "verwijzing":
        return "Hebt u een verwijzing? Bel of mail ons. Dan maken wij een afspraak met u."
    if soort.inloop:
        return "Wilt u eerst iets vragen? Bel of mail ons gerust."
    return "Bel of mail ons. Wij bellen u binnen een week terug."


@dataclass
class _Rows:
    """The demo's voorzieningen and what hangs on them, collected in memory and written by `_write` in a few
    bulk statements (the saves one by one cost some thirty queries per voorziening, with their signals)."""

    voorzieningen: list = field(default_factory=list)
    relations: dict = field(default_factory=dict)  # pk -> {"themas" | "doelgroepen" | "wijken": [objects]}
    contacts: list = field(default_factory=list)
    locaties: dict = field(default_factory=dict)  # pk -> Locatie; a shared one: the last reading counts
    locations: dict = field(default_factory=dict)  # pk -> [{"id", "locatie", "openingstijden"}]
    capaciteit: list = field(default_factory=list)
    sluitingen: list = field(default_factory=list)


def _voorzieningen(wijken, terms, organisaties) -> list[Voorziening]:
    today = timezone.localdate()
    now = timezone.now()
    rows, used_names = _Rows(), set()
    for n, (soort, organisatie, wijk_index) in enumerate(_offers(organisaties)):
        if organisatie.name == GEMEENTE:
            wijk_index = 0  # its office, the gemeentehuis, is in the Centrum
        wijk = wijken[wijk_index]
        if "{wijk}" in soort.name:
            name = soort.name.format(wijk=wijk.name)
        elif soort.aanbieders > 1 and organisatie.name != soort.name:
            name = f"{soort.name} – {organisatie.name}"
        else:
            name = soort.name
        if name in used_names:  # one organisation offers it in several wijken
            name = f"{name} ({wijk.name})"
        used_names.add(name)
        slug = slugify(name)[:200]
        status = Voorziening.Status.ACTIEF
        if n % 37 == 36:
            status = Voorziening.Status.TIJDELIJK_GESLOTEN
        elif n % 71 == 70:
            status = Voorziening.Status.GESTOPT
        voorziening = Voorziening(
            id=stable_id("voorziening", slug),
            organisatie=organisatie,
            name=name,
            slug=slug,
            summary=soort.summary,
            description=soort.description,
            toegang=soort.toegang,
            kosten=soort.kosten,
            kosten_bedrag=Decimal(soort.kosten_bedrag) if soort.kosten_bedrag else None,
            kosten_toelichting=soort.kosten_toelichting,
            aanmelden_telefoon=organisatie.phone,
            aanmelden_email=organisatie.email,
            # Walk-in help asks no sign-up form: "U hoeft zich niet aan te melden" stood above one.
            # The gemeente's way in is the melding (aanbod.VIA_DE_MELDING), not a form of its own.
            aanmelden_url=f"{organisatie.website}/aanmelden"
            if n % 3 == 0 and not soort.inloop and organisatie.name != GEMEENTE
            else "",
            aanmelden_inloop=soort.inloop,
            aanmelden_toelichting=aanmelden_uitleg(soort),
            talen=list(soort.talen),
            leeftijd_min=soort.leeftijd[0],
            leeftijd_max=soort.leeftijd[1],
            status=status,
            laatst_gecontroleerd=today - timedelta(days=(n * 11) % 300),
            hele_gemeente=soort.hele_gemeente,
            aan_huis=soort.aan_huis,
            beperkte_plaatsen=soort.beperkte_plaatsen,
        )
        rows.voorzieningen.append(voorziening)
        covered = [] if soort.hele_gemeente else [wijk, wijken[(wijk_index + 1) % len(wijken)]][: 1 + n % 2]
        rows.relations[voorziening.pk] = {
            "themas": [terms[f"thema:{code}"] for code in soort.themas],
            "doelgroepen": [terms[f"doelgroep:{code}"] for code in soort.doelgroepen],
            "wijken": covered,
        }
        rows.contacts += _contacts(voorziening, organisatie, n, balie=soort.key not in TELEFOONLIJNEN)
        if soort.key in ZONDER_LOCATIE:
            rows.locations[voorziening.pk] = []  # and none left from an earlier load
        else:
            _location(rows, voorziening, organisatie, soort, wijk_index, wijk, n)
        if soort.beperkte_plaatsen:
            for m, capacity_wijk in enumerate(covered or wijken[:3]):
                age = CAPACITY_AGES_DAYS[(n + m) % len(CAPACITY_AGES_DAYS)]
                status = ["ja", "beperkt", "nee"][(n + m) % 3]
                rows.capaciteit.append(
                    Capaciteit(
                        voorziening=voorziening,
                        wijk=capacity_wijk,
                        status=status,
                        wachttijd_weken=None if status == "ja" else 2 + (n + m) % 8,
                        bijgewerkt_op=now - timedelta(days=age, hours=(n * 5) % 24),
                    )
                )
        if soort.inloop and voorziening.status == Voorziening.Status.ACTIEF and n % 4 == 0:
            rows.sluitingen.append(_christmas_closure(voorziening, today))
    _write(rows)
    return rows.voorzieningen


def _christmas_closure(voorziening: Voorziening, today) -> Sluiting:
    """Some walk-in places close in the Christmas holidays: planned ahead, as a provider would."""
    return Sluiting(
        id=stable_id("sluiting", voorziening.slug),
        voorziening=voorziening,
        van=date(today.year, 12, 24),
        tot_en_met=date(today.year + 1, 1, 1),
        reden="kerstvakantie",
    )


def _contacts(voorziening, organisatie, n, balie: bool) -> list[Contact]:
    """The balie for residents (where there is one) and the line for professionals."""
    for_residents = Contact(
        id=stable_id("contact", voorziening.slug, "inwoners"),
        voorziening=voorziening,
        name="Aanmelding en informatie",
        rol="Balie",
        telefoon=organisatie.phone,
        email=organisatie.email,
        voor_professionals=False,
    )
    for_professionals = Contact(
        id=stable_id("contact", voorziening.slug, "professionals"),
        voorziening=voorziening,
        name="Verwijzers en professionals",
        rol="Zorgcoördinator",
        telefoon=_phone(organisatie.slug, offset=n + 1),
        email=f"verwijzers@{organisatie.slug}.example",
        voor_professionals=True,
    )
    return [for_residents, for_professionals] if balie else [for_professionals]


def _location(rows: _Rows, voorziening, organisatie, soort, wijk_index, wijk, n) -> None:
    demo = gemeente.WIJKEN[wijk_index]
    postcodes = sorted(demo.streets)
    at_the_gemeentehuis = organisatie.name == GEMEENTE
    postcode = GEMEENTEHUIS_POSTCODE if at_the_gemeentehuis else postcodes[n % len(postcodes)]
    street = demo.streets[postcode]
    town = "Raveld" if postcode.startswith("3924") else demo.town
    locatie = Locatie(
        id=stable_id("locatie", organisatie.slug, wijk.slug),
        organisatie=organisatie,
        name=f"{organisatie.name}, {street}",
        straat=street,
        huisnummer="1" if at_the_gemeentehuis else str(1 + (n * 7) % 80),
        postcode=f"{postcode[:4]} {postcode[4:]}",
        plaats=town,
        wijk=wijk,
        latitude=round(demo.centre[0] + ((n * 37) % 21 - 10) * 0.0004, 6),
        longitude=round(demo.centre[1] + ((n * 53) % 21 - 10) * 0.0006, 6),
        **accessibility(n),
    )
    rows.locaties[locatie.pk] = locatie
    hours = [
        {"weekdag": day, "open_van": time.fromisoformat(start), "open_tot": time.fromisoformat(end)}
        for day, start, end in soort.schedule
    ]
    rows.locations[voorziening.pk] = [
        {"id": stable_id("oplocatie", voorziening.slug), "locatie": locatie, "openingstijden": hours}
    ]


def _write(rows: _Rows) -> None:
    """Every row inserted, or updated where it exists (by its stable id or its unique fields); links,
    locations and opening hours made equal to the demo's by the HSDS import's bulk writer, contacts here.
    Bulk statements send no signals: `load` pauses the search index's anyway (the command rebuilds the
    index), the capacity reminders are started here, and Wagtail's reference index (an object's "usage" in
    the admin) gets no rows for them, as with the HSDS import."""
    _upsert(Voorziening, rows.voorzieningen, VOORZIENING_FIELDS)
    pks = [voorziening.pk for voorziening in rows.voorzieningen]
    write_relations(rows.relations, pks)
    _upsert(Contact, rows.contacts, CONTACT_FIELDS)
    Contact.objects.filter(voorziening__in=pks).exclude(
        pk__in=[contact.pk for contact in rows.contacts]
    ).delete()
    _upsert(Locatie, list(rows.locaties.values()), LOCATIE_FIELDS)
    write_locations(rows.locations, pks)
    _upsert(Capaciteit, rows.capaciteit, CAPACITEIT_FIELDS, unique_fields=["voorziening", "wijk"])
    if rows.capaciteit:
        transaction.on_commit(schedule_capacity_reminders)  # as the first saved capacity does
    _upsert(Sluiting, rows.sluitingen, ["voorziening", "van", "tot_en_met", "reden"])
    transaction.on_commit(apply_closures_now)  # as a saved closure does: one may start today


def _upsert(model, objects, fields, unique_fields=("id",)) -> None:
    """Insert, or update these fields where a row with the same unique fields exists (what
    update_or_create did, one statement per 500 rows)."""
    model.objects.bulk_create(
        objects,
        batch_size=500,
        update_conflicts=True,
        unique_fields=unique_fields,
        update_fields=fields,
    )


def accessibility(n: int) -> dict:
    """What a demo location says about access: never "unknown" beside a description of the entrance."""
    if n % 4:
        return {
            "rolstoeltoegankelijk": True,
            "toegankelijkheid": "De ingang is vlak, zonder opstap. Er is een aangepast toilet.",
        }
    return {
        "rolstoeltoegankelijk": False,
        "toegankelijkheid": (
            "Er is een trap van drie treden bij de ingang. Met een rolstoel komt u niet zelf binnen. "
            "Bel aan, dan helpen wij u."
        ),
    }


def _accounts(organisaties) -> int:
    redacteuren, aanbieders = ensure_groups()
    User = get_user_model()
    password_hash = make_password(settings.SOCIALEKAART_DEMO_PASSWORD)  # hashing once keeps the load fast
    editor, created = User.objects.get_or_create(
        username=EDITOR_USERNAME,
        # Not "Redacteur": the pages' redacteur has that name, and the history showed two of them.
        defaults={
            "email": "redacteur-kaart@lindewaard.example",
            "first_name": "Redacteur",
            "last_name": "kaart",
        },
    )
    if created:
        editor.password = password_hash
        editor.save(update_fields=["password"])
    editor.groups.add(redacteuren)
    professional, created = User.objects.get_or_create(
        username=PROFESSIONAL_USERNAME,
        defaults={"email": "professional@lindewaard.example", "first_name": "Professional"},
    )
    if created:
        professional.password = password_hash
        professional.save(update_fields=["password"])
    professional.groups.add(ensure_professionals_group())
    count = 0
    for organisatie, _ in organisaties.values():
        user, created = User.objects.get_or_create(
            username=f"aanbieder-{organisatie.slug}"[:150],
            defaults={"email": f"aanbieder@{organisatie.slug}.example", "first_name": organisatie.name[:150]},
        )
        if created:
            user.password = password_hash
            user.save(update_fields=["password"])
        user.groups.add(aanbieders)
        AanbiederAccount.objects.update_or_create(user=user, defaults={"organisatie": organisatie})
        count += 1
    return count
