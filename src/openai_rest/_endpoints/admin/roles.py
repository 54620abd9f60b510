"""Roles, and their assignment to users and groups in the organization and in projects."""

from __future__ import annotations

from ..._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from ..._endpoint import Params


class Roles:
    @endpoint(get("/organization/groups/{group_id}/roles"))
    def group_roles(self, group_id: str, /, **options: Any) -> Any:
        """Lists the organization roles assigned to a group within the organization."""

    @endpoint(post("/organization/groups/{group_id}/roles"))
    def group_role_create(self, group_id: str, params: Params = None, /, **options: Any) -> Any:
        """Assigns an organization role to a group within the organization."""

    @endpoint(get("/organization/groups/{group_id}/roles/{role_id}"))
    def group_role(self, group_id: str, role_id: str, /, **options: Any) -> Any:
        """Retrieves an organization role assigned to a group."""

    @endpoint(delete("/organization/groups/{group_id}/roles/{role_id}"))
    def group_role_delete(self, group_id: str, role_id: str, /, **options: Any) -> Any:
        """Unassigns an organization role from a group within the organization."""

    @endpoint(get("/organization/roles"), get("/organization/roles/{role_id}"))
    def roles(self, role_id: Optional[str] = None, /, **options: Any) -> Any:
        """Lists the roles configured for the organization; ``roles(role_id)`` retrieves one."""

    @endpoint(post("/organization/roles"))
    def roles_create(self, params: Params = None, /, **options: Any) -> Any:
        """Creates a custom role for the organization."""

    @endpoint(post("/organization/roles/{role_id}"))
    def roles_update(self, role_id: str, params: Params = None, /, **options: Any) -> Any:
        """Updates an existing organization role."""

    @endpoint(delete("/organization/roles/{role_id}"))
    def roles_delete(self, role_id: str, /, **options: Any) -> Any:
        """Deletes a custom role from the organization."""

    @endpoint(get("/organization/users/{user_id}/roles"))
    def user_roles(self, user_id: str, /, **options: Any) -> Any:
        """Lists the organization roles assigned to a user within the organization."""

    @endpoint(post("/organization/users/{user_id}/roles"))
    def user_role_create(self, user_id: str, params: Params = None, /, **options: Any) -> Any:
        """Assigns an organization role to a user within the organization."""

    @endpoint(get("/organization/users/{user_id}/roles/{role_id}"))
    def user_role(self, user_id: str, role_id: str, /, **options: Any) -> Any:
        """Retrieves an organization role assigned to a user."""

    @endpoint(delete("/organization/users/{user_id}/roles/{role_id}"))
    def user_role_delete(self, user_id: str, role_id: str, /, **options: Any) -> Any:
        """Unassigns an organization role from a user within the organization."""

    @endpoint(get("/projects/{project_id}/groups/{group_id}/roles"))
    def project_group_roles(self, project_id: str, group_id: str, /, **options: Any) -> Any:
        """Lists the project roles assigned to a group within a project."""

    @endpoint(post("/projects/{project_id}/groups/{group_id}/roles"))
    def project_group_role_create(
        self, project_id: str, group_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Assigns a project role to a group within a project."""

    @endpoint(get("/projects/{project_id}/groups/{group_id}/roles/{role_id}"))
    def project_group_role(
        self, project_id: str, group_id: str, role_id: str, /, **options: Any
    ) -> Any:
        """Retrieves a project role assigned to a group."""

    @endpoint(delete("/projects/{project_id}/groups/{group_id}/roles/{role_id}"))
    def project_group_role_delete(
        self, project_id: str, group_id: str, role_id: str, /, **options: Any
    ) -> Any:
        """Unassigns a project role from a group within a project."""

    @endpoint(get("/projects/{project_id}/roles"))
    def project_roles(self, project_id: str, /, **options: Any) -> Any:
        """Lists the roles configured for a project."""

    @endpoint(post("/projects/{project_id}/roles"))
    def project_role_create(self, project_id: str, params: Params = None, /, **options: Any) -> Any:
        """Creates a custom role for a project."""

    @endpoint(get("/projects/{project_id}/roles/{role_id}"))
    def project_role(self, project_id: str, role_id: str, /, **options: Any) -> Any:
        """Retrieves a project role."""

    @endpoint(post("/projects/{project_id}/roles/{role_id}"))
    def project_role_update(
        self, project_id: str, role_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Updates an existing project role."""

    @endpoint(delete("/projects/{project_id}/roles/{role_id}"))
    def project_role_delete(self, project_id: str, role_id: str, /, **options: Any) -> Any:
        """Deletes a custom role from a project."""

    @endpoint(get("/projects/{project_id}/users/{user_id}/roles"))
    def project_user_roles(self, project_id: str, user_id: str, /, **options: Any) -> Any:
        """Lists the project roles assigned to a user within a project."""

    @endpoint(post("/projects/{project_id}/users/{user_id}/roles"))
    def project_user_role_create(
        self, project_id: str, user_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Assigns a project role to a user within a project."""

    @endpoint(get("/projects/{project_id}/users/{user_id}/roles/{role_id}"))
    def project_user_role(
        self, project_id: str, user_id: str, role_id: str, /, **options: Any
    ) -> Any:
        """Retrieves a project role assigned to a user."""

    @endpoint(delete("/projects/{project_id}/users/{user_id}/roles/{role_id}"))
    def project_user_role_delete(
        self, project_id: str, user_id: str, role_id: str, /, **options: Any
    ) -> Any:
        """Unassigns a project role from a user within a project."""
