"""Errors a user can cause; the CLI turns each into one line and an exit code."""


class NewsspiderError(Exception):
    """Base of user-facing errors."""

    exit_code = 2


class BadInputError(NewsspiderError):
    """A file, URL or option the tool cannot use."""


class OutputError(NewsspiderError):
    """The output location cannot be written."""


class CrawlFailedError(NewsspiderError):
    """The crawl ran but could not fetch what it was asked to."""

    exit_code = 1
