package io.marketops.core.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.util.Map;

/**
 * Errors that no handler answered (unknown paths, filter failures): problem+json under
 * {@code /api} and {@code /v1}, a friendly page elsewhere; never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith("/api/") || uri.startsWith("/v1/")) {
            HttpStatus s = HttpStatus.resolve(status);
            String detail = switch (status) {
                case 404 -> "There is no " + uri + "; the API is described at /api/v1/openapi.json.";
                case 405 -> "This method is not allowed on " + uri + ".";
                case 413 -> "The request body is too large.";
                default -> status >= 500 ? "Something went wrong on our side; the details are in the server log." : "The request could not be handled.";
            };
            Problems.write(response, status, s == null ? "Error" : s.getReasonPhrase(), detail, Map.of());
            return null;
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
