"""The staff back-office API (后台): one blueprint per domain, under ``/api/v1/admin``."""

from __future__ import annotations

from sanic import Blueprint


def blueprints() -> list[Blueprint]:
    """Every back-office blueprint, registered explicitly by ``create_app``."""
    from server.accounts import admin as accounts_admin
    from server.complaints import admin as complaints_admin
    from server.enterprises import admin as enterprises_admin
    from server.grid import admin as grid_admin
    from server.operations import admin as operations_admin
    from server.policies import admin as policies_admin
    from server.push import admin as push_admin

    return [
        accounts_admin.bp,
        policies_admin.bp,
        enterprises_admin.bp,
        push_admin.bp,
        complaints_admin.bp,
        grid_admin.bp,
        operations_admin.bp,
    ]
