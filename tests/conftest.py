import pytest


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden/*/expected*.txt from the current output (the tests then fail so "
        "every change is reviewed as a diff)",
    )


@pytest.fixture
def update_golden(request):
    return request.config.getoption("--update-golden")
