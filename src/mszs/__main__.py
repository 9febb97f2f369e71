from mszs.cli import app

app(prog_name="mszs")
