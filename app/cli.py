"""The `foreign-desk` console script."""

from flask.cli import FlaskGroup

from app import create_app

# Flask's development server, shell and route list stay with `flask --app app`: this script
# is the archive's own, and serves with gunicorn. --app and --debug mean nothing here.
main = FlaskGroup(
    create_app=create_app,
    add_default_commands=False,
    set_debug_flag=False,
    help="Foreign Desk: a foreign-affairs news archive.",
)
main.params = [param for param in main.params if param.name not in ("app", "debug")]
