from django.conf import settings


def suunta(request):
    return {"DEMO_MODE": settings.DEMO_MODE}
