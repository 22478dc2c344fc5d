"""Settings shared by every environment. Everything that differs per machine comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"  # in B1, with what to do (Django's page is in English)
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

MUNICIPALITY_NAME = os.environ.get("MUNICIPALITY_NAME", "Gemeente Lindewaard")
MUNICIPALITY_PHONE = os.environ.get("MUNICIPALITY_PHONE", "14 0599")
MUNICIPALITY_EMAIL = os.environ.get("MUNICIPALITY_EMAIL", "wmo@lindewaard.example")
# When the loket answers the phone and calls back, as words after a verb: "Bel ons op werkdagen van ...".
# Never empty ("Wij bellen ."), and without a full stop of its own ("uur..").
MUNICIPALITY_PHONE_HOURS = (
    os.environ.get("MUNICIPALITY_PHONE_HOURS", "").strip().rstrip(".")
    or "op werkdagen van 8.30 tot 17.00 uur"
)
# The logo beside the name in the header: a path under static/ ("img/logo.svg") or an https URL (its host is
# then allowed as an image source). Empty: the name alone.
MUNICIPALITY_LOGO = os.environ.get("MUNICIPALITY_LOGO", "img/logo.svg")
# The theme: one stylesheet of design tokens (colours, fonts, spacing as CSS custom properties), a path
# under static/ or an https URL. A municipality replaces it to restyle the site without touching templates.
MUNICIPALITY_THEME_CSS = os.environ.get("MUNICIPALITY_THEME_CSS", "css/tokens.css")

INSTALLED_APPS = [
    "core",
    "portal",
    "socialekaart",
    "meldingen",
    "meldingen.backoffice",
    "meldingen.delivery",
    "klachten",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "formtools",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The security headers go on every answer, also one from the page cache: so these two come before it.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.security_headers.ContentSecurityPolicyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Whole pages for anonymous visitors from the cache, before Wagtail's routing (after CSRF: it puts
    # the visitor's own token in the stored page).
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.staff_sessions.StaffSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # The whole Wagtail admin asks for the second factor where it applies, not only the backoffice.
    "meldingen.backoffice.access.SecondFactorMiddleware",
    # A provider's login never sees the site-wide history of other organisations' edits.
    "socialekaart.admin_scope.AanbiederScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.municipality",
            ],
            # wagtailadmin_tags: Wagtail's own, with the admin sidebar kept per login (core/admin_sidebar.py).
            "libraries": {"components": "core.components", "wagtailadmin_tags": "core.admin_sidebar"},
        },
    },
    {
        # Fragments made anew on every search (config/jinja2.py), in the apps' jinja2/ folders; rendered
        # with using="jinja2".
        "NAME": "jinja2",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "config.jinja2.environment",
            "context_processors": ["core.context_processors.municipality"],
        },
    },
]

# `wagtailadmin_tags` is on purpose the name of two libraries: Wagtail's, and core/admin_sidebar.py, which the
# template engine's `libraries` (TEMPLATES above) puts in its place. Django's check warns of any such pair.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

# Database: SQLite in the repo folder by default, PostgreSQL (or anything else) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The dashboard's covering indexes (`include=`) cover on PostgreSQL; SQLite keeps them as plain indexes,
    # which is all it needs, and Django's warning that it does would show on every command.
    SILENCED_SYSTEM_CHECKS.append("models.W040")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (and so the rate limits): local memory by default, Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # Room for whole pages beside the rate-limit counters, so pages never push the counters out.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# How many reverse proxies stand in front of the site and append to X-Forwarded-For; the rate limits and
# the login throttling then count the visitor's address, not the proxy's. 0: REMOTE_ADDR is the visitor.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))

# Rendered search pages for anonymous visitors (core.page_cache.cache_for_anonymous_visitors): per
# process, as their keys hold a token from the database; apart, as visitors can ask any number of searches.
CACHES["view_pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "view-pages",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("VIEW_PAGE_CACHE_ENTRIES", "500"))},
}

# Background work: django-tasks with its database backend; the worker is `manage.py db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Search: the database by default, Elasticsearch when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "wmo")


def wagtail_elasticsearch_backends(url: str, prefix: str) -> dict:
    """Wagtail's Elasticsearch backend for the installed client's major version (8: the test node's)."""
    from elasticsearch import VERSION

    return {
        "default": {
            "BACKEND": f"wagtail.search.backends.elasticsearch{VERSION[0]}",
            "URLS": [url],
            "INDEX_PREFIX": f"{prefix}_pages_",
        }
    }


if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = wagtail_elasticsearch_backends(ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX)
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.database_search"}}

# E-mail: SMTP when EMAIL_HOST is set, else printed to the console (development only: production refuses
# that, since draft links and addresses would land in the server log). EMAIL_BACKEND chooses one outright.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Wmo-loket <noreply@lindewaard.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "core.static_storage.StaticFilesStorage"},
}

# Django's database sessions, read and written with plain SQL (core/session_engine.py).
SESSION_ENGINE = "core.session_engine"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A session ends when the browser closes: a resident's answers stay nowhere on a shared computer.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Logged-in users (staff, editors, providers) are logged out after this many minutes without a request,
# and after this many hours whatever they do (core/staff_sessions.py).
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "30"))
STAFF_SESSION_MAX_HOURS = float(os.environ.get("STAFF_SESSION_MAX_HOURS", "9"))
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: only our own scripts, styles and images; map tiles from a configurable host.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
_tile_hosts = [MAP_TILE_URL.split("/{", 1)[0].rsplit("/", 1)[0]] if MAP_TILE_URL.startswith("http") else []


def _origin(url: str) -> list[str]:
    """The scheme and host of an outside URL, for the CSP; nothing for a path under static/."""
    if not url.startswith(("https://", "http://")):
        return []
    scheme, _, rest = url.partition("://")
    return [f"{scheme}://{rest.split('/', 1)[0]}"]


_logo_hosts = _origin(MUNICIPALITY_LOGO)
_theme_hosts = _origin(MUNICIPALITY_THEME_CSS)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, *_theme_hosts],
        "img-src": [SELF, "data:", *_tile_hosts, *_logo_hosts],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# The Wagtail admin (every resident's data is shown there) has its own policy: Wagtail's admin needs inline
# style attributes, blob: and data: images, and frames its own page previews.
ADMIN_CONTENT_SECURITY_POLICY = {
    "PATH_PREFIX": "/admin/",
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *_tile_hosts],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# No avatars from an outside host in the admin, and no call to releases.wagtail.org from staff browsers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

WAGTAIL_SITE_NAME = MUNICIPALITY_NAME
# The admin's date fields write a date as the staff pages do (3-12-2026), not 2026-12-03; both Dutch input
# formats, so what they write is read back.
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAIL_PASSWORD_RESET_ENABLED = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGIN_URL = "wagtailadmin_login"

# Never log request bodies or personal data; errors go to the console for the process manager.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}

# The demo loaders `manage.py load_demo` runs, in order (each app owns its own).
# The search vocabulary both searches share (core/vocabulary.py): the editors' synonyms and the kaart's
# themes, read by the kaart's public interface, so the site search never imports the kaart.
SEARCH_VOCABULARY = "socialekaart.public.search_vocabulary"
# How many voorzieningen a link into the kaart finds (its query string): a page's kaart link with search words
# that find nothing is refused on saving (portal/blocks.py), without the pages importing the kaart.
KAART_LINK_COUNT = "socialekaart.public.found_by_link"
# The kaart's themes and target groups a page's kaart link offers (portal/blocks.py), from the kaart itself.
KAART_TERMS = "socialekaart.public.term_choices"

DEMO_COMMANDS = ["load_demo_kaart", "load_demo_pages", "load_demo_meldingen", "load_demo_klachten"]


# --- Sociale kaart -------------------------------------------------------------------------------------
# Settings of socialekaart/ go in this section.

# The search backend by registry name ("database" or "elasticsearch"); empty: Elasticsearch when
# ELASTICSEARCH_URL is set, else the database.
SOCIALEKAART_SEARCH_BACKEND = os.environ.get("SOCIALEKAART_SEARCH_BACKEND", "")
# Password of the demo provider accounts that `load_demo_kaart` makes (never used outside a demo).
SOCIALEKAART_DEMO_PASSWORD = os.environ.get("SOCIALEKAART_DEMO_PASSWORD", "demo-aanbieder-2026")
# Elasticsearch backend: seconds before a request to the cluster gives up (then the B1 fallback shows).
# The index alias is "<ELASTICSEARCH_INDEX_PREFIX>_voorzieningen", the synonyms set "<prefix>_synoniemen".
SOCIALEKAART_ELASTICSEARCH_TIMEOUT = float(os.environ.get("SOCIALEKAART_ELASTICSEARCH_TIMEOUT", "5"))
# ... and before keeping the index current gives up (a new index, the synonyms set, a bulk of changes).
SOCIALEKAART_ELASTICSEARCH_INDEX_TIMEOUT = float(
    os.environ.get("SOCIALEKAART_ELASTICSEARCH_INDEX_TIMEOUT", "60")
)
# The HSDS profile this API follows (returned by GET /api/hsds/).
SOCIALEKAART_HSDS_PROFILE = os.environ.get("SOCIALEKAART_HSDS_PROFILE", "https://docs.openreferral.org/")
# Logged-in users in this group (besides staff and users who may view capacity) are professionals:
# they see professionals' contacts and capacity, and may export result lists.
SOCIALEKAART_PROFESSIONALS_GROUP = os.environ.get("SOCIALEKAART_PROFESSIONALS_GROUP", "Professionals")
# Capacity reminders: a provider whose capacity is older than 7 days gets "Werk uw beschikbaarheid bij" by
# e-mail, at most once per this many days; the task that sends them runs every this many seconds.
SOCIALEKAART_CAPACITY_REMINDER_DAYS = int(os.environ.get("SOCIALEKAART_CAPACITY_REMINDER_DAYS", "7"))
SOCIALEKAART_CAPACITY_REMINDER_SECONDS = int(os.environ.get("SOCIALEKAART_CAPACITY_REMINDER_SECONDS", "3600"))
# Credit line shown under the map when MAP_TILE_URL is set (e.g. "© OpenStreetMap-bijdragers").
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
# WeasyPrint reports every layout step, and fontTools every font subset (with its glyphs), at INFO;
# PDFs should not fill the logs.
LOGGING["loggers"]["weasyprint.progress"] = {"level": "WARNING"}
LOGGING["loggers"]["fontTools"] = {"level": "WARNING"}


# --- Meldingen -----------------------------------------------------------------------------------------
# Settings of meldingen/ go in this section.

# Fernet keys, comma-separated; the first encrypts, all decrypt (rotation: README). Required in production.
MELDINGEN_ENCRYPTION_KEYS = env_list("MELDINGEN_ENCRYPTION_KEYS")
# Address lookup: "meldingen.address.DemoAddressLookup" (the demo municipality's postcodes, embedded)
# or "meldingen.address.PdokAddressLookup" (BAG through the PDOK Locatieserver).
MELDINGEN_ADDRESS_LOOKUP = os.environ.get("MELDINGEN_ADDRESS_LOOKUP", "meldingen.address.DemoAddressLookup")
MELDINGEN_PDOK_URL = os.environ.get(
    "MELDINGEN_PDOK_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
)
MELDINGEN_PDOK_TIMEOUT_SECONDS = float(os.environ.get("MELDINGEN_PDOK_TIMEOUT_SECONDS", "3"))
# The CBS gemeentecode whose addresses count as "in the municipality" (PDOK lookup), e.g. "0344".
MELDINGEN_GEMEENTE_CODE = os.environ.get("MELDINGEN_GEMEENTE_CODE", "")
# Days after a melding is closed before its personal data is removed.
MELDINGEN_RETENTION_DAYS = int(os.environ.get("MELDINGEN_RETENTION_DAYS", "365"))
# Fields of other apps encrypted under MELDINGEN_ENCRYPTION_KEYS, as "app_label.Model.field": the melding's
# `rotate_melding_keys` re-encrypts them too, without importing those apps.
ENCRYPTED_FIELDS_ELSEWHERE = ["klachten.Klacht.encrypted_gegevens"]
# Days a "save and continue later" link stays valid.
MELDINGEN_DRAFT_DAYS = int(os.environ.get("MELDINGEN_DRAFT_DAYS", "7"))
# Minutes the confirmation page and its PDF stay available to the browser that sent the melding.
MELDINGEN_CONFIRMATION_MINUTES = int(os.environ.get("MELDINGEN_CONFIRMATION_MINUTES", "120"))
# Melding submissions (and saves) allowed per IP address per window.
MELDINGEN_RATE_LIMIT = int(os.environ.get("MELDINGEN_RATE_LIMIT", "10"))
MELDINGEN_RATE_LIMIT_WINDOW_SECONDS = int(os.environ.get("MELDINGEN_RATE_LIMIT_WINDOW_SECONDS", "3600"))
# Posts of question pages (every "Verder", "Wijzig" and address lookup) per IP address per the same window.
MELDINGEN_STEP_RATE_LIMIT = int(os.environ.get("MELDINGEN_STEP_RATE_LIMIT", "300"))
# Working days for the first contact after an ordinary melding (spoed: always 2), and for the onderzoek.
MELDINGEN_CONTACT_WORKING_DAYS = int(os.environ.get("MELDINGEN_CONTACT_WORKING_DAYS", "5"))
MELDINGEN_ONDERZOEK_WEEKS = int(os.environ.get("MELDINGEN_ONDERZOEK_WEEKS", "6"))
# The number to call at once when help is urgent.
MELDINGEN_SPOED_PHONE = os.environ.get("MELDINGEN_SPOED_PHONE", MUNICIPALITY_PHONE)
# The huisartsenpost of the region, for what cannot wait till the loket opens (empty: named without a number).
MELDINGEN_HUISARTSENPOST_PHONE = os.environ.get("MELDINGEN_HUISARTSENPOST_PHONE", "")
# "Waar staat mijn melding?": look-ups per IP address, and per reference number, per rate-limit window.
MELDINGEN_STATUS_LOOKUP_LIMIT = int(os.environ.get("MELDINGEN_STATUS_LOOKUP_LIMIT", "10"))


# --- Portal --------------------------------------------------------------------------------------------
# Settings of the portal's pages and taalcheck go in this section.

# The B1 taalcheck (portal/taalcheck/report.py explains each value; missing keys take its defaults).
TAALCHECK = {
    "MAX_AVG_SENTENCE_LENGTH": 12,  # words per sentence, on average
    "MIN_FLESCH_DOUMA": 65,
    "MAX_LIX": 38,
    "MAX_LONG_SENTENCE_SHARE": 0.10,  # sentences over 20 words
    "MAX_RARE_WORD_SHARE": 0.03,  # words rarer than RARE_WORD_ZIPF
    "RARE_WORD_ZIPF": 3.5,  # wordfreq Zipf frequency: 3.5 is about once in 3 million words
    "MAX_OFFICIALESE_SHARE": 0.02,  # words from portal/taalcheck/wollig.py
}

# How long rendered page parts, the menu, breadcrumbs, the begrippen and the search vocabulary stay cached.
# Changes clear them at once in a shared cache (Redis); with the local-memory cache and several server
# processes, the other processes show a change within this many seconds.
PORTAL_CACHE_SECONDS = int(os.environ.get("PORTAL_CACHE_SECONDS", "300"))
# The generations (core/generations.py) in the key of every whole page in the page cache: the pages app
# bumps "pages" when the page tree, a view restriction or a site changes, "begrippen" when a term changes.
PAGE_CACHE_GENERATIONS = ("pages", "begrippen")
# "Was deze informatie nuttig?": at most this many answers per IP address per window (seconds).
PORTAL_FEEDBACK_RATE_LIMIT = (
    int(os.environ.get("PORTAL_FEEDBACK_MAX_PER_IP", "5")),
    int(os.environ.get("PORTAL_FEEDBACK_WINDOW_SECONDS", "600")),
)


# --- Backoffice and delivery ---------------------------------------------------------------------------
# Settings of meldingen/backoffice/ and meldingen/delivery/ go in this section.

# The Wagtail admin (backoffice and page editing) demands a verified TOTP device from every user (otherwise
# only from users who have one). Production settings default to true.
BACKOFFICE_REQUIRE_2FA = env_bool("BACKOFFICE_REQUIRE_2FA")
# Key of the blind index used to search encrypted names; falls back to a key derived from SECRET_KEY.
BACKOFFICE_BLIND_INDEX_KEY = os.environ.get("BACKOFFICE_BLIND_INDEX_KEY", "")
# Failed logins per username+IP before the admin login refuses for BACKOFFICE_LOGIN_LOCKOUT_SECONDS.
BACKOFFICE_LOGIN_MAX_FAILURES = int(os.environ.get("BACKOFFICE_LOGIN_MAX_FAILURES", "5"))
BACKOFFICE_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("BACKOFFICE_LOGIN_LOCKOUT_SECONDS", "900"))
WAGTAILADMIN_USER_LOGIN_FORM = "meldingen.backoffice.auth.ThrottledLoginForm"
# Who receives the digest of deliveries that failed for good (besides the functioneel beheerders).
BACKOFFICE_ADMIN_EMAILS = env_list("BACKOFFICE_ADMIN_EMAILS")
# Delivery: attempts per target, the first wait (doubled after each failure, capped), request timeout,
# and how often the sweep looks for jobs whose task was lost.
DELIVERY_MAX_ATTEMPTS = int(os.environ.get("DELIVERY_MAX_ATTEMPTS", "10"))
DELIVERY_BACKOFF_SECONDS = float(os.environ.get("DELIVERY_BACKOFF_SECONDS", "30"))
DELIVERY_BACKOFF_MAX_SECONDS = float(os.environ.get("DELIVERY_BACKOFF_MAX_SECONDS", "21600"))
DELIVERY_TIMEOUT_SECONDS = float(os.environ.get("DELIVERY_TIMEOUT_SECONDS", "10"))
DELIVERY_SWEEP_SECONDS = float(os.environ.get("DELIVERY_SWEEP_SECONDS", "60"))
# Hosts webhooks and ZGW APIs may send meldingen to (comma-separated; ".example.nl" for a domain and its
# subdomains). Enforced with DELIVERY_CHECK_ADDRESSES, which production always turns on: then only https,
# only these hosts, and no internal addresses unless a host written out here resolves to them. Empty in
# production: only the built-in backoffice and the e-mail notice work.
DELIVERY_ALLOWED_HOSTS = env_list("DELIVERY_ALLOWED_HOSTS")
DELIVERY_CHECK_ADDRESSES = env_bool("DELIVERY_CHECK_ADDRESSES")
# How often the backoffice forgets its copies (name index, note texts) of meldingen retention cleared.
BACKOFFICE_RETENTION_SECONDS = float(os.environ.get("BACKOFFICE_RETENTION_SECONDS", "3600"))
# Working days the wijkteam has to contact the client after a signal from a provider or professional.
BACKOFFICE_SIGNAAL_CONTACT_WORKING_DAYS = int(os.environ.get("BACKOFFICE_SIGNAAL_CONTACT_WORKING_DAYS", "5"))
# Days after a signal is afgerond before the client's data in it is removed (by the task above); the
# melding's period unless set.
BACKOFFICE_SIGNAAL_RETENTION_DAYS = int(
    os.environ.get("BACKOFFICE_SIGNAAL_RETENTION_DAYS", MELDINGEN_RETENTION_DAYS)
)
# "Er is nieuws over uw melding" waits this long after a status change, so changes in a row give one e-mail.
BACKOFFICE_STATUS_NOTICE_DELAY_SECONDS = int(os.environ.get("BACKOFFICE_STATUS_NOTICE_DELAY_SECONDS", "600"))
# Nazorg: the follow-up call this many weeks after the support starts, and the working days after that day
# in which it still counts as made in time (each call keeps the last day it was planned with).
BACKOFFICE_NAZORG_WEEKS = int(os.environ.get("BACKOFFICE_NAZORG_WEEKS", "6"))
BACKOFFICE_NAZORG_WORKING_DAYS = int(os.environ.get("BACKOFFICE_NAZORG_WORKING_DAYS", "5"))


# --- Klachten (klachten/) -----------------------------------------------------------------------------------
# Weeks to answer a complaint (Awb art. 9:11 lid 1: 6), counted per the Algemene termijnenwet.
KLACHTEN_TERMIJN_WEKEN = int(os.environ.get("KLACHTEN_TERMIJN_WEKEN", "6"))
# Who hears of a new complaint that no contract team handles (about the gemeente itself, or a provider no team
# contracts): the gemeente's klachtencoördinator.
KLACHTEN_MAILBOX = os.environ.get("KLACHTEN_MAILBOX", MUNICIPALITY_EMAIL)
# Complaints a visitor may send per IP address per window.
KLACHTEN_RATE_LIMIT = int(os.environ.get("KLACHTEN_RATE_LIMIT", "5"))
KLACHTEN_RATE_LIMIT_WINDOW_SECONDS = int(os.environ.get("KLACHTEN_RATE_LIMIT_WINDOW_SECONDS", "3600"))
# Days after a complaint is afgehandeld before the resident's words and details and the texts about it are
# removed (the melding's period unless set), and how often the worker looks for such complaints.
KLACHTEN_RETENTION_DAYS = int(os.environ.get("KLACHTEN_RETENTION_DAYS", MELDINGEN_RETENTION_DAYS))
KLACHTEN_RETENTION_SECONDS = float(os.environ.get("KLACHTEN_RETENTION_SECONDS", "3600"))
# The traffic light on the kaart (klachten/stoplicht.py): complaints per 100 clients in the last MAANDEN
# months; orange from ORANJE, red from ROOD; no light below MIN_CLIENTEN clients or for a provider that
# first reported its clients less than MIN_DAGEN days ago; green below MIN_KLACHTEN complaints.
# Seconds between two recounts of the traffic lights (klachten/tasks.py), so old complaints drop out.
KLACHTEN_STOPLICHT_SECONDS = float(os.environ.get("KLACHTEN_STOPLICHT_SECONDS", "86400"))
KLACHTEN_STOPLICHT = {
    "MAANDEN": 12,
    "ORANJE": float(os.environ.get("KLACHTEN_STOPLICHT_ORANJE", "2")),
    "ROOD": float(os.environ.get("KLACHTEN_STOPLICHT_ROOD", "5")),
    "MIN_CLIENTEN": int(os.environ.get("KLACHTEN_STOPLICHT_MIN_CLIENTEN", "20")),
    "MIN_KLACHTEN": int(os.environ.get("KLACHTEN_STOPLICHT_MIN_KLACHTEN", "3")),
    "MIN_DAGEN": int(os.environ.get("KLACHTEN_STOPLICHT_MIN_DAGEN", "90")),
}
