"""The ASGI entry point for uvicorn or granian: `factcheck.asgi:app`."""

from factcheck.app import create_app

__all__ = ["app"]

app = create_app()
