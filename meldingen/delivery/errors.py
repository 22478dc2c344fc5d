class DeliveryFailed(Exception):
    """An attempt failed; `result` is a short label for the attempt log (e.g. "HTTP 503")."""

    def __init__(self, result: str, error: str = ""):
        super().__init__(f"{result}: {error}" if error else result)
        self.result = result
        self.error = error
