"""Cabinet models: the :class:`CabinetSettings` singleton and abstract field mixins."""

from .mixins import AppointmentFieldsMixin, ClientFieldsMixin, ServiceFieldsMixin
from .settings import CabinetSettings

__all__ = ["AppointmentFieldsMixin", "CabinetSettings", "ClientFieldsMixin", "ServiceFieldsMixin"]
