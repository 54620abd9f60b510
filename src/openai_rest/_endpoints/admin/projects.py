"""Organization projects."""

from __future__ import annotations

from ..._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from ..._endpoint import Params


class Projects:
    @endpoint(get("/organization/projects"), get("/organization/projects/{project_id}"))
    def projects(self, project_id: Optional[str] = None, /, **options: Any) -> Any:
        """List the organization's projects, or retrieve one."""

    @endpoint(post("/organization/projects"))
    def projects_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a project: ``admin.projects_create(name="...")``."""

    @endpoint(post("/organization/projects/{project_id}"))
    def projects_modify(self, project_id: str, params: Params = None, /, **options: Any) -> Any:
        """Modifies a project in the organization."""

    @endpoint(post("/organization/projects/{project_id}/archive", body="none"))
    def projects_archive(self, project_id: str, /, **options: Any) -> Any:
        """Archives a project in the organization."""

    @endpoint(get("/organization/projects/{project_id}/service_accounts"))
    def project_service_accounts(self, project_id: str, /, **options: Any) -> Any:
        """Returns a list of service accounts in the project."""

    @endpoint(post("/organization/projects/{project_id}/service_accounts"))
    def project_service_account_create(
        self, project_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Creates a new service account in the project."""

    @endpoint(get("/organization/projects/{project_id}/service_accounts/{service_account_id}"))
    def project_service_account(
        self, project_id: str, service_account_id: str, /, **options: Any
    ) -> Any:
        """Retrieves a service account in the project."""

    @endpoint(post("/organization/projects/{project_id}/service_accounts/{service_account_id}"))
    def project_service_account_update(
        self, project_id: str, service_account_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Updates a service account in the project."""

    @endpoint(delete("/organization/projects/{project_id}/service_accounts/{service_account_id}"))
    def project_service_account_delete(
        self, project_id: str, service_account_id: str, /, **options: Any
    ) -> Any:
        """Deletes a service account from the project."""
