"""The `foreign-desk` console script."""

from flask.cli import FlaskGroup

from app import create_app

main = FlaskGroup(create_app=create_app, help="Foreign Desk: a foreign-affairs news archive.")
