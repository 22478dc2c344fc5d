"""What every part of the site shares: the page cache, rate limits, health and the municipality in templates.

Imports none of the apps; they import it."""
