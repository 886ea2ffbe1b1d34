# es: the window's sections: Output, Traffic details, the Check section, dialogs
