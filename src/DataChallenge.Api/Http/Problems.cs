using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataChallenge.Api.Http;

/// <summary>RFC 7807 answers with a title a person can act on.</summary>
public static class Problems
{
    /// <summary>Also the answer for objects the caller may not see: their existence is not revealed.</summary>
    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} was not found.");

    public static ProblemHttpResult BadRequest(string title, string? detail = null) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title);

    public static ProblemHttpResult Forbidden(string title) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title);

    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The file is too large.", detail: $"This phase accepts files of at most {limit:N0} bytes.");
}
