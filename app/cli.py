"""The `foreign-desk` console script: its commands, each loaded only when it runs.

Flask's development server, shell and route list stay with `flask --app app`: this script is
the archive's own, and serves with gunicorn. Nothing here loads Flask or SQLAlchemy: a command
loads what it needs (`ingest` finding nothing new needs neither).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

import click

from app import settings

if TYPE_CHECKING:
    from flask import Flask

COMMANDS = {
    "db": "app.commands:db_group",
    "ingest": "app.ingest.command:ingest_command",
    "links": "app.commands:links_command",
    "reparse": "app.commands:reparse_command",
    "retag": "app.commands:retag_command",
    "serve": "app.commands:serve_command",
}


class _Commands(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, _, attribute = COMMANDS[name].partition(":")
        return getattr(import_module(module), attribute)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """End the help with the archive the commands work on, and how to name another."""
        formatter.write_paragraph()
        formatter.write_text(
            "The archive, from DATABASE_URL (sqlite:////path/to/archive.db); unset, "
            "foreign-desk.db in the instance folder:"
        )
        formatter.write(f"  {settings.database_url()}\n")  # whole: a wrapped path can't be copied


@click.group(cls=_Commands)
@click.version_option(package_name="foreign-desk")
def main() -> None:
    """Foreign Desk: a foreign-affairs news archive."""


def command_app() -> Flask:
    """The app a command runs in: the one Flask hands over (`flask --app app`, its test
    runner), or the archive's own, made once per command."""
    ctx = click.get_current_context()
    if ctx.obj is not None:  # Flask's ScriptInfo
        return ctx.obj.load_app()
    if "app" not in ctx.meta:
        from app import create_app

        ctx.meta["app"] = create_app(web=False)  # the pages' modules took a third of a second
    return ctx.meta["app"]


def database_url() -> str:
    """The archive's URL, without making the app when it is not made yet."""
    ctx = click.get_current_context()
    if ctx.obj is None and "app" not in ctx.meta:
        return settings.database_url()
    return command_app().config["DATABASE_URL"]


def in_app(command: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command inside the app's context (as Flask's `with_appcontext`)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        with command_app().app_context():
            return command(*args, **kwargs)

    return run
