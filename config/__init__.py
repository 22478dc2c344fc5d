"""The project: settings per environment, the URL map and the WSGI entry point. It wires the apps together."""
