package com.mimeeqportal.admin;

import com.mimeeqportal.account.LastAdminException;
import com.mimeeqportal.account.UnknownUserException;
import com.mimeeqportal.account.UserAdministration;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.user.User;
import com.mimeeqportal.web.PageServlet;
import com.mimeeqportal.web.Times;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * /admin/users (ACCOUNT_ADMIN): the tenant's users and the form that creates one; each user's actions
 * post to /admin/users/{id}/{action}. A one-time password is rendered only in the response to the POST
 * that made it. Other changes redirect back to the list (post/redirect/get).
 */
@WebServlet({"/admin/users", "/admin/users/*"})
public class UsersServlet extends PageServlet {

    static final List<Role> ROLES = List.of(Role.SALES, Role.ACCOUNT_ADMIN);
    private static final Set<String> DONE = Set.of("disable", "enable", "unlock", "role");

    @Inject
    UserAdministration administration;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pathSegments(request, "/admin/users").isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String done = request.getParameter("done");
        show(request, response, HttpServletResponse.SC_OK, Map.of(), new FormErrors(),
                done != null && DONE.contains(done) ? "users.done." + done : null, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = pathSegments(request, "/admin/users");
        Actor admin = actor(request);
        if (path.isEmpty()) {
            create(request, response, admin);
            return;
        }
        if (path.size() != 2) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            act(request, response, admin, path.get(0), path.get(1));
        } catch (UnknownUserException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (LastAdminException e) {
            show(request, response, HttpServletResponse.SC_CONFLICT, Map.of(),
                    new FormErrors().add("form", "users.lastAdmin"), null, null);
        } catch (InvalidInputException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, Map.of(), new FormErrors().add(e), null, null);
        }
    }

    private void act(HttpServletRequest request, HttpServletResponse response, Actor admin, String id, String action)
            throws IOException {
        switch (action) {
            case "disable" -> administration.disable(admin, id);
            case "enable" -> administration.enable(admin, id);
            case "unlock" -> administration.unlock(admin, id);
            case "role" -> administration.changeRole(admin, id, role(field(request, "role")));
            case "reset-password" -> {
                var reset = administration.resetPassword(admin, id);
                show(request, response, HttpServletResponse.SC_OK, Map.of(), new FormErrors(), null, reset);
                return;
            }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        redirect(request, response, "/admin/users?done=" + action);
    }

    private void create(HttpServletRequest request, HttpServletResponse response, Actor admin) throws IOException {
        Map<String, String> form = form(request, "username", "role");
        FormErrors errors = new FormErrors();
        Username username = errors.check(() -> Username.forNewAccount(form.get("username")));
        Role role = errors.check(() -> role(form.get("role")));
        if (!errors.any()) {
            try {
                var created = administration.create(admin, username, role);
                show(request, response, HttpServletResponse.SC_CREATED, Map.of(), errors, null, created);
                return;
            } catch (InvalidInputException e) {
                errors.add(e);
            }
        }
        show(request, response, HttpServletResponse.SC_BAD_REQUEST, form, errors, null, null);
    }

    /** Only the roles a tenant's users may have; the operator's is not one of them. */
    static Role role(String value) {
        return ROLES.stream().filter(r -> r.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInputException("role", "validation.role.invalid"));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, String> form,
                      FormErrors errors, String doneKey, UserAdministration.WithPassword withPassword)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("users", administration.list(actor(request)).stream()
                .map(user -> UserRow.of(user, administration.lockedUntil(user))).toList());
        model.put("roles", ROLES);
        model.put("form", form);
        model.put("errors", errors);
        model.put("doneKey", doneKey);
        model.put("oneTime", withPassword);
        render(request, response, status, "admin/users", model);
    }

    /** A user as the list shows it. */
    public record UserRow(String id, String username, Role role, boolean enabled, String lockedUntil,
                          String created, boolean mustChangePassword) {
        static UserRow of(User user, Optional<Instant> lockedUntil) {
            return new UserRow(user.id(), user.username().value(), user.role(), user.enabled(),
                    lockedUntil.map(Times::format).orElse(""), Times.format(user.createdAt()),
                    user.mustChangePassword());
        }
    }
}
