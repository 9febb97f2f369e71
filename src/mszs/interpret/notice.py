"""Work in progress: replaced by the interpreter."""
from mszs.schemas import NoticeInfo


def interpret(document):
    return NoticeInfo(), [], []
