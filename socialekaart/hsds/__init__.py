"""Open Referral HSDS 3.0 for the sociale kaart: the JSON shape of our models (for the API and the export)
and the way back (for the import). The mapping is described in `mapping.py`."""
