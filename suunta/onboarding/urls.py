from django.urls import path

from . import views

S = "o/<slug:slug>/setup/"

urlpatterns = [
    path("setup/organisations/new/", views.organisation_new, name="organisation_new"),
    path(S, views.setup_organisation, name="setup_organisation"),
    path(f"{S}bodies/", views.setup_bodies, name="setup_bodies"),
    path(f"{S}post/", views.setup_post, name="setup_post"),
    path(f"{S}contract/", views.setup_contract, name="setup_contract"),
    path(f"{S}scale/", views.setup_scale, name="setup_scale"),
    path(f"{S}users/", views.setup_users, name="setup_users"),
    path(
        "contracts/documents/<uuid:document_id>/", views.contract_document, name="contract_document"
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("posts/<uuid:post_id>/plans/new/", views.plan_new, name="plan_new"),
]
