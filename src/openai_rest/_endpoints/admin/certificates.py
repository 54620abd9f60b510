"""Certificates for mutual TLS, at the organization and project levels."""

from __future__ import annotations

from ..._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from ..._endpoint import Params


class Certificates:
    @endpoint(get("/organization/certificates"), get("/organization/certificates/{certificate_id}"))
    def certificates(self, certificate_id: Optional[str] = None, /, **options: Any) -> Any:
        """List uploaded certificates for this organization; ``certificates(certificate_id)``
        retrieves one.
        """

    @endpoint(post("/organization/certificates"))
    def certificates_create(self, params: Params = None, /, **options: Any) -> Any:
        """Upload a certificate to the organization."""

    @endpoint(post("/organization/certificates/activate"))
    def certificates_activate(self, params: Params = None, /, **options: Any) -> Any:
        """Activate certificates at the organization level."""

    @endpoint(post("/organization/certificates/deactivate"))
    def certificates_deactivate(self, params: Params = None, /, **options: Any) -> Any:
        """Deactivate certificates at the organization level."""

    @endpoint(post("/organization/certificates/{certificate_id}"))
    def certificates_modify(
        self, certificate_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Modify a certificate."""

    @endpoint(delete("/organization/certificates/{certificate_id}"))
    def certificates_delete(self, certificate_id: str, /, **options: Any) -> Any:
        """Delete a certificate from the organization."""

    @endpoint(get("/organization/projects/{project_id}/certificates"))
    def project_certificates(self, project_id: str, /, **options: Any) -> Any:
        """List certificates for this project."""

    @endpoint(post("/organization/projects/{project_id}/certificates/activate"))
    def project_certificates_activate(
        self, project_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Activate certificates at the project level."""

    @endpoint(post("/organization/projects/{project_id}/certificates/deactivate"))
    def project_certificates_deactivate(
        self, project_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Deactivate certificates at the project level."""
