"""Factories for sociale kaart test data (fictional names only)."""

from datetime import time

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from socialekaart.models import (
    AanbiederAccount,
    Capaciteit,
    Contact,
    Locatie,
    Openingstijd,
    Organisatie,
    Synoniemgroep,
    Term,
    Voorziening,
    VoorzieningOpLocatie,
    Wijk,
    WijkPostcode,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@voorbeeld.example")
    password = factory.django.Password("geheim-wachtwoord")


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.Sequence(lambda n: f"wijk-{n}")
    cbs_code = factory.Sequence(lambda n: f"WK97{n:04d}")  # apart from the fixed WK99… codes of the tests
    latitude = 52.09
    longitude = 5.12


class WijkPostcodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WijkPostcode

    wijk = factory.SubFactory(WijkFactory)
    pc4 = factory.Sequence(lambda n: f"{5000 + n}")
    latitude = factory.SelfAttribute("wijk.latitude")
    longitude = factory.SelfAttribute("wijk.longitude")


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term
        django_get_or_create = ("vocabulary", "code")

    vocabulary = Term.Vocabulary.THEMA
    code = factory.Sequence(lambda n: f"term-{n}")
    name = factory.LazyAttribute(lambda term: term.code.capitalize())


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    name = factory.Sequence(lambda n: f"Stichting Voorbeeld {n}")
    slug = factory.Sequence(lambda n: f"stichting-voorbeeld-{n}")
    email = "info@voorbeeld.example"


class VoorzieningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voorziening
        skip_postgeneration_save = True

    organisatie = factory.SubFactory(OrganisatieFactory)
    name = factory.Sequence(lambda n: f"Voorziening {n}")
    slug = factory.Sequence(lambda n: f"voorziening-{n}")
    summary = "Wij helpen u graag."

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if create and extracted:
            self.themas.set(extracted)

    @factory.post_generation
    def doelgroepen(self, create, extracted, **kwargs):
        if create and extracted:
            self.doelgroepen.set(extracted)

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if create and extracted:
            self.wijken.set(extracted)


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locatie

    organisatie = factory.SubFactory(OrganisatieFactory)
    name = factory.Sequence(lambda n: f"Buurthuis {n}")
    straat = "Marktstraat"
    huisnummer = "1"
    postcode = "3911 AA"
    plaats = "Lindewaard"


class VoorzieningOpLocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoorzieningOpLocatie

    voorziening = factory.SubFactory(VoorzieningFactory)
    locatie = factory.SubFactory(
        LocatieFactory, organisatie=factory.SelfAttribute("..voorziening.organisatie")
    )


class OpeningstijdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Openingstijd

    op_locatie = factory.SubFactory(VoorzieningOpLocatieFactory)
    weekdag = 1
    open_van = time(9, 0)
    open_tot = time(12, 0)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    voorziening = factory.SubFactory(VoorzieningFactory)
    name = "Balie"
    telefoon = "0599-123456"


class CapaciteitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Capaciteit

    voorziening = factory.SubFactory(VoorzieningFactory, beperkte_plaatsen=True)
    wijk = factory.SubFactory(WijkFactory)
    status = Capaciteit.Status.JA
    bijgewerkt_op = factory.LazyFunction(timezone.now)


class SynoniemgroepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Synoniemgroep

    termen = "schoonmaakhulp, hulp bij het huishouden, HbH"


class AanbiederAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AanbiederAccount

    user = factory.SubFactory(UserFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)
