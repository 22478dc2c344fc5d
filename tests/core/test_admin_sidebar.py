"""The Wagtail admin's sidebar is drawn once per login and kept, and drawn anew as soon as the user's name or
model permissions change (core/admin_sidebar.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from core import admin_sidebar

pytestmark = pytest.mark.django_db
PASSWORD = "Sidebar-test-2026"


@pytest.fixture
def builds(monkeypatch):
    """How often Wagtail's own sidebar is built."""
    counted = []
    wagtail_sidebar = admin_sidebar.wagtailadmin_tags.sidebar_props

    def counting(context):
        counted.append(context["request"].user.get_username())
        return wagtail_sidebar(context)

    monkeypatch.setattr(admin_sidebar.wagtailadmin_tags, "sidebar_props", counting)
    return counted


@pytest.fixture
def group():
    group = Group.objects.create(name="Sidebar test")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def _login(client, username):
    assert client.login(username=username, password=PASSWORD)


def _sidebar(client) -> str:
    html = client.get("/admin/").content.decode()
    return html.split('id="wagtail-sidebar-props"', 1)[1].split("</script>", 1)[0]


def test_the_sidebar_is_built_once_per_login(client, builds, group):
    user = get_user_model().objects.create_user("anna", "anna@lindewaard.example", PASSWORD)
    user.groups.add(group)
    _login(client, "anna")
    first, second = _sidebar(client), _sidebar(client)
    assert first == second and builds == ["anna"]
    client.logout()
    _login(client, "anna")
    _sidebar(client)
    assert builds == ["anna", "anna"]  # a new login draws it anew


def test_a_new_model_permission_or_name_shows_at_once(client, builds, group):
    user = get_user_model().objects.create_user("bert", "bert@lindewaard.example", PASSWORD)
    user.groups.add(group)
    _login(client, "bert")
    assert '"Klachten"' not in _sidebar(client)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="klachten", codename="view_team_klachten")
    )
    assert '"Klachten"' in _sidebar(client)
    user.first_name, user.last_name = "Bert", "Jansen"
    user.save()
    assert '"name": "Bert"' in _sidebar(client)
    assert len(builds) == 3


def test_two_users_never_share_a_sidebar(client, builds, group):
    for name in ("carla", "dirk"):
        get_user_model().objects.create_user(name, f"{name}@lindewaard.example", PASSWORD).groups.add(group)
    _login(client, "carla")
    _sidebar(client)
    _login(client, "dirk")
    _sidebar(client)
    assert builds == ["carla", "dirk"]


def test_every_menu_item_has_an_icon_wagtail_draws(rf):
    """A walk: "Doelen goedkeuren" stood without an icon in the menu, whose "tick" Wagtail does not have."""
    from django.template.loader import get_template
    from wagtail.admin.menu import SubmenuMenuItem, admin_menu

    request = rf.get("/admin/")
    request.user = get_user_model().objects.create_superuser("beheer", password=PASSWORD)

    def icons(items):
        for item in items:
            yield str(item.label), item.icon_name
            if isinstance(item, SubmenuMenuItem):
                yield from icons(item.menu.menu_items_for_request(request))

    found = list(icons(admin_menu.menu_items_for_request(request)))
    assert "Doelen goedkeuren" in dict(found)
    for label, icon in found:
        assert get_template(f"wagtailadmin/icons/{icon}.svg"), label
