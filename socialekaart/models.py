from django.db import models
from django.utils.translation import gettext_lazy as _


class WijkQuerySet(models.QuerySet):
    def for_postcode(self, postcode: str):
        """The wijk a Dutch postcode ("3911 AB" or "3911") belongs to, or None outside the municipality."""
        pc4 = "".join(postcode.split())[:4]
        if len(pc4) != 4 or not pc4.isdigit():
            return None
        return self.filter(postcodes__pc4=pc4).first()


class Wijk(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam in de link"), max_length=100, unique=True)
    cbs_code = models.CharField(
        _("CBS-wijkcode"), max_length=10, unique=True, help_text=_("Bijvoorbeeld WK036301.")
    )

    objects = WijkQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def __str__(self):
        return self.name


class WijkPostcode(models.Model):
    """A four-digit postcode (PC4) that lies in a wijk."""

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="postcodes")
    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, unique=True)

    class Meta:
        ordering = ["pc4"]
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self):
        return self.pc4
