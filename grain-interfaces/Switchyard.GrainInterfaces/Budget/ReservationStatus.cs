namespace Switchyard.Budget;

/// <summary>What became of a reservation.</summary>
[GenerateSerializer]
public enum ReservationStatus
{
    /// <summary>The amount is held; the call may go ahead.</summary>
    Reserved = 0,

    /// <summary>The hold would have taken spend past the cap; nothing was held.</summary>
    Refused = 1,

    /// <summary>The request id was already settled; nothing was held and nothing more will be charged.</summary>
    AlreadySettled = 2,
}
