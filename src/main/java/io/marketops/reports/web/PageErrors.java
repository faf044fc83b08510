package io.marketops.reports.web;

import io.marketops.core.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A report, run or delivery that is not in the workspace is the 404 page, not an error. */
@ControllerAdvice(assignableTypes = {ReportPages.class, RunPages.class})
class PageErrors {
    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        return "error";
    }
}
