"""Derived HSDS ids are uuid5 of the kind and the parts, as they always were: API users keep them."""

import uuid

from hypothesis import given
from hypothesis import strategies as st

from socialekaart.hsds.ids import NAMESPACE, derived

parts = st.lists(st.one_of(st.uuids(), st.text(), st.integers()), max_size=3)


@given(kind=st.sampled_from(["attribute", "phone", "area", "cost", "term"]), parts=parts)
def test_a_derived_id_is_uuid5_of_the_kind_and_the_parts(kind, parts):
    name = ":".join([kind, *(str(part) for part in parts)])
    assert derived(kind, *parts) == str(uuid.uuid5(NAMESPACE, name))


def test_a_known_id_stays_the_same():
    assert derived("phone", "aanmelden", uuid.UUID(int=1)) == "178ea878-10c5-50ce-8dcf-e22a8151d970"
