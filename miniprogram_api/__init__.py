"""The HTTP API the mini-program calls: one blueprint per screen, all under ``/api/v1``."""

from __future__ import annotations

from sanic import Blueprint


def blueprints() -> list[Blueprint]:
    """Every mini-program blueprint, registered explicitly by ``create_app``."""
    from miniprogram_api import auth, complaints, enterprise, policies, subscriptions, visits

    return [auth.bp, policies.bp, enterprise.bp, subscriptions.bp, complaints.bp, visits.bp]
