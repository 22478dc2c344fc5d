from tests.meldingen.backoffice.fixtures import *  # noqa: F403
