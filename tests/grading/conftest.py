"""What the tests of the teacher-scored sets share: the figures of a test module's ``SET``."""
import pytest
from support import reviewer_figures


@pytest.fixture(scope="module")
def measured(request):
    """The reviewer's agreement figures on the test module's ``SET`` of scored replies."""
    return reviewer_figures(request.module.SET)
