from django import forms
from django.utils.translation import gettext_lazy as _


class LogoForm(forms.Form):
    file = forms.FileField(
        label=_("Logo file"),
        help_text=_("PNG, JPEG or SVG, at most 200 kB and 2000 pixels on a side."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/svg+xml"}),
    )
