namespace Switchyard.Budget;

/// <summary>What became of a reservation.</summary>
[GenerateSerializer]
public enum ReservationStatus
{
    /// <summary>The amount is held; the call may go ahead.</summary>
    Reserved = 0,

    /// <summary>The hold would have taken spend past a hard cap or the per-request maximum; nothing was held.</summary>
    Refused = 1,

    /// <summary>The request id was already settled; nothing was held and nothing more will be charged.</summary>
    AlreadySettled = 2,

    /// <summary>
    /// The budget is below its downgrade amount, so the frontier tier is not allowed; nothing was held.
    /// A lower tier may still be reserved for the same request.
    /// </summary>
    Downgraded = 3,
}
